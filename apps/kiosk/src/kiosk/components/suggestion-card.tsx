import { wallDateOf, wallTimeOf } from '@fiveways/shared/london-time';
import { labelDay } from '../day-label.ts';
import type { Filters } from '../filters.ts';
import { useKiosk, type KioskState } from '../kiosk-context.ts';
import type { Relaxed, Suggestion } from '../suggestions.ts';

/** The choice let go of, as it was and as it becomes: "Today (Tuesday)" and "Thu 3 December". */
function describeChange(
  relaxes: Relaxed,
  was: Filters,
  now: Filters,
  k: KioskState,
): { was: string; now: string } {
  const { t, directory } = k;
  const areaName = (slug: string | null) =>
    directory?.areas.find((a) => a.slug === slug)?.name ?? slug ?? '';
  switch (relaxes) {
    case 'day':
      return {
        was: was.day
          ? labelDay(k, was.day)
          : was.weekday
            ? t(`every.${was.weekday}`)
            : t('thisWeek'),
        now: now.day ? labelDay(k, now.day) : t('anyDay'),
      };
    case 'area':
      return { was: areaName(was.area), now: areaName(now.area) };
    case 'venue':
      return {
        was: directory?.venues.find((v) => v.slug === was.venue)?.name ?? was.venue ?? '',
        now: t('anyPlace'),
      };
    case 'way':
      return { was: was.way ? t(`way.${was.way}`) : '', now: t('anyWay') };
    case 'audience':
      return { was: was.audience ? t(`audience.${was.audience}`) : '', now: t('anyone') };
    case 'freeOnly':
      return { was: t('freeOnly'), now: t('freeOrPaid') };
    case 'dropInOnly':
      return { was: t('dropInOnly'), now: t('dropInOrBook') };
  }
}

/** A nearest match for choices that found nothing: names the choice it changes, shows the first. */
export function SuggestionCard({ suggestion: s, from }: { suggestion: Suggestion; from: Filters }) {
  const kiosk = useKiosk();
  const { t, nav } = kiosk;
  const change = describeChange(s.relaxes, from, s.filters, kiosk);
  const o = s.first;
  return (
    <button
      type="button"
      class="card card-suggestion"
      data-relaxes={s.relaxes}
      onClick={() => nav.replace({ name: 'results', filters: s.filters })}
    >
      <span class="card-main">
        <span class="card-relaxes">{t('insteadOf', change)}</span>
        <span class="card-title">{o.title}</span>
        <span class="card-venue">
          {labelDay(kiosk, wallDateOf(o.start))},{' '}
          {t('timeRange', { start: wallTimeOf(o.start), end: wallTimeOf(o.end) })} · {o.venue.name}
        </span>
        <span class="card-more">{t('seeAll', { n: s.count })}</span>
      </span>
    </button>
  );
}
