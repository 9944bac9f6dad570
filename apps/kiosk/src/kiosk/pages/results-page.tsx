import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Filters } from '../filters.ts';
import { useKiosk, type KioskState } from '../kiosk-context.ts';
import { OccurrenceCard } from '../components/occurrence-card.tsx';
import { SuggestionCard } from '../components/suggestion-card.tsx';
import { SuggestGroupCode } from '../components/suggest-group-code.tsx';
import { TopBar } from '../components/top-bar.tsx';
import { PleaseWait } from '../components/please-wait.tsx';
import { WayIcon } from '../components/icons.tsx';
import { labelDay } from '../day-label.ts';
import { searchDirectory } from '../starting-soon.ts';
import { suggestAlternatives } from '../suggestions.ts';
import { recordZeroResults } from '../reach-events.ts';

/** Plain words for the current choices, e.g. "Be Active · Tomorrow (Wednesday) · Free only". */
export function describeFilters(f: Filters, k: KioskState): string[] {
  const { t, directory } = k;
  const parts: string[] = [];
  if (f.way) parts.push(t(`way.${f.way}`));
  if (f.day) parts.push(labelDay(k, f.day));
  if (f.weekday) parts.push(t(`every.${f.weekday}`));
  if (f.soon) parts.push(t('startingSoon'));
  if (f.venue) parts.push(directory?.venues.find((v) => v.slug === f.venue)?.name ?? f.venue);
  if (f.area) parts.push(directory?.areas.find((a) => a.slug === f.area)?.name ?? f.area);
  if (f.audience) parts.push(t(`audience.${f.audience}`));
  if (f.freeOnly) parts.push(t('freeOnly'));
  if (f.dropInOnly) parts.push(t('dropInOnly'));
  return parts;
}

/** Cards drawn at a time: a screen or two of them; more on a tap, so 500 results stay quick. */
export const RESULTS_PAGE = 20;

export function ResultsPage({ filters }: { filters: Filters }) {
  const kiosk = useKiosk();
  const { t, nav, directory, today } = kiosk;
  // Read once per screen: what ended before it opened is gone, and counts agree with the list.
  const [now] = useState(() => Date.now());
  const search = useMemo(
    () => (directory ? searchDirectory(directory, today, now) : null),
    [directory, today, now],
  );
  const results = useMemo(() => (search ? search(filters) : []), [search, filters]);
  const suggestions = useMemo(
    () =>
      directory && search && results.length === 0
        ? suggestAlternatives(filters, search, directory.occurrences, directory.venues, today, now)
        : [],
    [directory, search, results, filters, today, now],
  );
  // A search that found nothing is counted once per set of choices: the gaps to fill.
  const foundNothing = search !== null && results.length === 0;
  useEffect(() => {
    if (foundNothing) recordZeroResults(filters, today);
  }, [foundNothing, filters, today]);
  const chosen = describeFilters(filters, kiosk);
  // The limit belongs to one set of choices: new choices start again at one page.
  const [more, setMore] = useState({ filters, limit: RESULTS_PAGE });
  const limit = more.filters === filters ? more.limit : RESULTS_PAGE;
  const left = results.length - limit;
  return (
    <>
      <TopBar title={filters.way ? t(`way.${filters.way}`) : t('whatsOn')} />
      <main class="screen results" id="main" tabIndex={0}>
        <div class="results-head">
          {filters.way ? (
            <span class={`way-badge way-${filters.way}`}>
              <WayIcon way={filters.way} size={40} />
            </span>
          ) : null}
          <p class="results-summary" aria-live="polite">
            <strong>{t('found', { n: results.length })}</strong>
            {chosen.length > 0 ? ` · ${chosen.join(' · ')}` : ` · ${t('thisWeek')}`}
          </p>
          <button
            type="button"
            class="primary"
            onClick={() => nav.open({ name: 'filters', filters })}
          >
            {t('changeFilters')}
          </button>
        </div>
        {directory === null ? (
          <PleaseWait label={t('pleaseWait')} />
        ) : results.length === 0 ? (
          <section class="suggestions" aria-labelledby="no-results">
            <p class="empty" id="no-results">
              {t('noResults')} {suggestions.length > 0 ? t('nearestMatches') : t('tryFewer')}
            </p>
            <div class="cards">
              {suggestions.map((s) => (
                <SuggestionCard key={s.relaxes} suggestion={s} from={filters} />
              ))}
            </div>
            <SuggestGroupCode />
          </section>
        ) : (
          <>
            <div class="cards">
              {results.slice(0, limit).map((o) => (
                <OccurrenceCard key={`${o.sessionId}-${o.date}`} occurrence={o} />
              ))}
            </div>
            {left > 0 ? (
              <button
                type="button"
                class="secondary show-more"
                onClick={() => setMore({ filters, limit: limit + RESULTS_PAGE })}
              >
                {t('showMore', { n: Math.min(left, RESULTS_PAGE) })}
              </button>
            ) : null}
          </>
        )}
      </main>
    </>
  );
}
