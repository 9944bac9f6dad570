import { wallDateOf } from '@fiveways/shared/london-time';
import { NO_FILTERS, notEnded, WAY_ORDER } from '../filters.ts';
import { useKiosk } from '../kiosk-context.ts';
import { OccurrenceCard } from '../components/occurrence-card.tsx';
import { WayIcon } from '../components/icons.tsx';
import { TopBar } from '../components/top-bar.tsx';
import { PleaseWait } from '../components/please-wait.tsx';

const TODAY_LIMIT = 3;

/** The five ways, what is on here today, and this week. */
export function HomePage() {
  const { t, nav, directory, today, homeVenue } = useKiosk();
  const upcoming = directory ? notEnded(directory.occurrences, Date.now()) : [];
  const here = homeVenue ? upcoming.filter((o) => o.venue.slug === homeVenue.slug) : upcoming;
  const todayHere = here.filter((o) => wallDateOf(o.start) === today);
  // With nothing left today, show what comes next so the screen is never empty.
  const shown = (todayHere.length > 0 ? todayHere : here.length > 0 ? here : upcoming).slice(
    0,
    TODAY_LIMIT,
  );
  const heading =
    todayHere.length > 0 ? (homeVenue ? t('onHereToday') : t('onToday')) : t('comingUp');
  return (
    <>
      <TopBar title={t('whatsOn')} />
      <main class="screen home" id="main" tabIndex={0}>
        <section class="home-today" aria-labelledby="today-heading">
          <h2 id="today-heading">{heading}</h2>
          {directory === null ? (
            <PleaseWait label={t('pleaseWait')} />
          ) : shown.length === 0 ? (
            <p>{t('nothingToday')}</p>
          ) : (
            <div class="cards">
              {shown.map((o) => (
                <OccurrenceCard key={`${o.sessionId}-${o.date}`} occurrence={o} />
              ))}
            </div>
          )}
          <div class="row">
            {homeVenue ? (
              <button
                type="button"
                class="primary"
                onClick={() =>
                  nav.open({
                    name: 'results',
                    filters: { ...NO_FILTERS, venue: homeVenue.slug, day: today },
                  })
                }
              >
                {t('onHereToday')}
              </button>
            ) : null}
            <button
              type="button"
              class="primary"
              onClick={() => nav.open({ name: 'results', filters: NO_FILTERS })}
            >
              {t('thisWeekAll')}
            </button>
            {homeVenue?.isHub ? (
              <button
                type="button"
                class="secondary"
                onClick={() => nav.open({ name: 'print-week', venue: homeVenue.slug })}
              >
                {t('printWeek')}
              </button>
            ) : null}
            {/* Above the way tiles, which keep to the screen's lower two-thirds. */}
            <button
              type="button"
              class="secondary home-about"
              onClick={() => nav.open({ name: 'about' })}
            >
              {t('aboutKiosk')}
            </button>
          </div>
        </section>
        <section class="home-ways" aria-labelledby="ways-heading">
          <h2 id="ways-heading">{t('chooseWay')}</h2>
          <p class="ways-intro">{t('waysIntro')}</p>
          <div class="way-tiles">
            {WAY_ORDER.map((w) => (
              <button
                key={w}
                type="button"
                class={`way-tile way-${w}`}
                onClick={() => nav.open({ name: 'results', filters: { ...NO_FILTERS, way: w } })}
              >
                <WayIcon way={w} size={56} />
                <span class="way-name">{t(`way.${w}`)}</span>
                <span class="way-meaning">{t(`way.${w}.meaning`)}</span>
              </button>
            ))}
          </div>
        </section>
      </main>
    </>
  );
}
