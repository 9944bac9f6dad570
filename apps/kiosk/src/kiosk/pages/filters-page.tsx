import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import {
  aheadDays,
  ANY_DAY,
  AUDIENCE_ORDER,
  NO_FILTERS,
  WAY_ORDER,
  WEEKDAY_ORDER,
  type Filters,
} from '../filters.ts';
import { useKiosk } from '../kiosk-context.ts';
import { labelDay } from '../day-label.ts';
import { searchDirectory } from '../starting-soon.ts';
import { TopBar } from '../components/top-bar.tsx';
import { WayIcon } from '../components/icons.tsx';

function Choice(props: { pressed: boolean; onPress: () => void; children: ComponentChildren }) {
  return (
    <button type="button" class="choice" aria-pressed={props.pressed} onClick={props.onPress}>
      {props.children}
    </button>
  );
}

function ChoiceGroup({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <fieldset class="choice-group">
      <legend>{label}</legend>
      <div class="choices">{children}</div>
    </fieldset>
  );
}

/** Every filter as a button: way, day, area, who it is for, free only, drop-in only. */
export function FiltersPage({ filters: initial }: { filters: Filters }) {
  const kiosk = useKiosk();
  const { t, nav, directory, today } = kiosk;
  const [f, setF] = useState(initial);
  const set = (change: Partial<Filters>) => setF((old) => ({ ...old, ...change }));
  /** One day choice replaces another: a date, a weekday, or "Starting soon". */
  const setDay = (change: Partial<Filters>) => set({ ...ANY_DAY, ...change });
  const [now] = useState(() => Date.now());
  const search = useMemo(
    () => (directory ? searchDirectory(directory, today, now) : null),
    [directory, today, now],
  );
  const count = useMemo(() => (search ? search(f).length : 0), [search, f]);
  // Some 40 day buttons: made again only when the day choice changes, so other taps stay quick.
  const { day, weekday, soon } = f;
  const dayChoices = useMemo(() => {
    const dates = aheadDays(today);
    return (
      <>
        <ChoiceGroup label={t('filterDay')}>
          <Choice pressed={day === null && weekday === null && !soon} onPress={() => setDay({})}>
            {t('anyDay')}
          </Choice>
          {dates.slice(0, 2).map((d) => (
            <Choice key={d} pressed={day === d} onPress={() => setDay({ day: d })}>
              {labelDay(kiosk, d)}
            </Choice>
          ))}
          {WEEKDAY_ORDER.map((w) => (
            <Choice key={w} pressed={weekday === w} onPress={() => setDay({ weekday: w })}>
              {t(`every.${w}`)}
            </Choice>
          ))}
          <Choice pressed={soon} onPress={() => setDay({ soon: true })}>
            {t('startingSoon')}
          </Choice>
        </ChoiceGroup>
        <ChoiceGroup label={t('filterDate')}>
          {dates.slice(2).map((d) => (
            <Choice key={d} pressed={day === d} onPress={() => setDay({ day: d })}>
              {kiosk.day(d)}
            </Choice>
          ))}
        </ChoiceGroup>
      </>
    );
    // The words follow the language (t changes with it); setDay only sets state.
  }, [day, weekday, soon, today, t]);
  const areas = directory?.areas ?? [];
  return (
    <>
      <TopBar title={t('filtersHeading')} />
      <main class="screen filters" id="main" tabIndex={0}>
        <ChoiceGroup label={t('filterWay')}>
          <Choice pressed={f.way === null} onPress={() => set({ way: null })}>
            {t('anyWay')}
          </Choice>
          {WAY_ORDER.map((w) => (
            <Choice key={w} pressed={f.way === w} onPress={() => set({ way: w })}>
              <WayIcon way={w} size={32} />
              {t(`way.${w}`)}
            </Choice>
          ))}
        </ChoiceGroup>
        {dayChoices}
        {areas.length > 0 ? (
          <ChoiceGroup label={t('filterArea')}>
            <Choice
              pressed={f.area === null && f.venue === null}
              onPress={() => set({ area: null, venue: null })}
            >
              {t('anyArea')}
            </Choice>
            {areas.map((a) => (
              <Choice
                key={a.slug}
                pressed={f.area === a.slug}
                onPress={() => set({ area: a.slug, venue: null })}
              >
                {a.name}
              </Choice>
            ))}
          </ChoiceGroup>
        ) : null}
        <ChoiceGroup label={t('filterAudience')}>
          <Choice pressed={f.audience === null} onPress={() => set({ audience: null })}>
            {t('anyone')}
          </Choice>
          {AUDIENCE_ORDER.map((a) => (
            <Choice key={a} pressed={f.audience === a} onPress={() => set({ audience: a })}>
              {t(`audience.${a}`)}
            </Choice>
          ))}
        </ChoiceGroup>
        <ChoiceGroup label={t('filterOther')}>
          <Choice pressed={f.freeOnly} onPress={() => set({ freeOnly: !f.freeOnly })}>
            {t('freeOnly')}
          </Choice>
          <Choice pressed={f.dropInOnly} onPress={() => set({ dropInOnly: !f.dropInOnly })}>
            {t('dropInOnly')}
          </Choice>
        </ChoiceGroup>
      </main>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => setF(NO_FILTERS)}>
          {t('clearFilters')}
        </button>
        <button
          type="button"
          class="primary"
          onClick={() => {
            nav.back();
            nav.replace({ name: 'results', filters: f });
          }}
        >
          {t('showResults', { n: count })}
        </button>
      </div>
    </>
  );
}
