import type { Session } from '@fiveways/shared';
import { costDetail } from '@fiveways/shared/labels';
import { useState } from 'preact/hooks';
import {
  contentAttrs,
  ENGLISH_CONTENT,
  groupContent,
  sessionContent,
} from '../../common/content-text.ts';
import { labelDay } from '../day-label.ts';
import { useKiosk, type KioskState } from '../kiosk-context.ts';
import { findGroupAges } from '../stated-ages.ts';
import { TopBar } from '../components/top-bar.tsx';
import { WayIcon } from '../components/icons.tsx';
import {
  ContactDetails,
  describeCostTag,
  shownTimes,
  showCostText,
  upcomingDates,
} from './session-detail-page.tsx';

/** When a session meets, with its weekday: "Tuesdays, 10:00 to 11:00" or "Next: Thu 3 December". */
function describeWhen(session: Session, kiosk: KioskState, nowMs: number): string {
  const { t, directory } = kiosk;
  const times = t('timeRange', { start: session.startTime, end: session.endTime });
  const repeat = session.repeat;
  if (repeat?.every === 'week' && repeat.interval === 1) {
    return `${repeat.days.map((d) => t(`every.${d}`)).join(', ')}, ${times}`;
  }
  const next = directory ? upcomingDates(directory, session, nowMs, 1)[0] : undefined;
  if (!next || !directory) return times;
  const shown = shownTimes(directory, next);
  return `${t('nextOn', { date: labelDay(kiosk, shown.date) })}, ${t('timeRange', shown)}`;
}

/** A session's title in the visitor's language where translated, marked with its language. */
function SessionTitle({ session }: { session: Session }) {
  const { language } = useKiosk();
  const words = sessionContent(session, language);
  return (
    <span class="card-title" {...contentAttrs(words.titleLang)}>
      {words.title}
    </span>
  );
}

/** A community group: what it is, who for, where, cost, languages, contact and its sessions. */
export function GroupPage({ slug }: { slug: string }) {
  const kiosk = useKiosk();
  const { t, nav, directory, longDate, language } = kiosk;
  const [now] = useState(() => Date.now());
  const group = directory?.groups.find((g) => g.slug === slug);
  if (!directory || !group) {
    return (
      <>
        <TopBar title={t('sorry')} />
        <main class="screen" id="main" tabIndex={0}>
          <p>{t('notFound')}</p>
        </main>
      </>
    );
  }
  const sessions = directory.sessions.filter((s) => s.group === slug && s.status === 'active');
  const ages = findGroupAges(group);
  const words = groupContent(group, language);
  const areaNames = group.areaSlugs.map(
    (a) => directory.areas.find((x) => x.slug === a)?.name ?? a,
  );
  return (
    <>
      <TopBar title={words.title} titleLang={words.titleLang} />
      <main class="screen detail" id="main" tabIndex={0}>
        <div class="card-tags">
          {group.ways.map((w) => (
            <span key={w} class={`tag way-${w}`}>
              <WayIcon way={w} size={28} />
              {t(`way.${w}`)}
            </span>
          ))}
          <span class="tag">{describeCostTag(t, group.cost)}</span>
        </div>
        {words.summary ? (
          <p class="lead" {...contentAttrs(words.summaryLang)}>
            {words.summary}
          </p>
        ) : null}
        {words.someEnglish ? <p class="content-note">{t('detailsInEnglish')}</p> : null}
        <div class="detail-grid">
          {sessions.length > 0 ? (
            <section class="panel">
              <h2>{t('sessions')}</h2>
              <div class="stack">
                {sessions.map((s) => (
                  <button
                    key={s.id}
                    type="button"
                    class="card card-compact"
                    onClick={() => nav.open({ name: 'session', id: s.id, date: null })}
                  >
                    <span class="card-main">
                      <SessionTitle session={s} />
                      <span class="card-venue">
                        <bdi lang="en">{s.venue.name}</bdi> · {describeWhen(s, kiosk, now)}
                      </span>
                    </span>
                  </button>
                ))}
              </div>
            </section>
          ) : null}
          <section class="panel">
            {group.audiences.length > 0 || ages !== null ? (
              <>
                <h2>{t('filterAudience')}</h2>
                {/* The group's own range first: the bands are only a rough guide. */}
                {ages !== null ? <p>{t('ages', { min: ages.min, max: ages.max })}</p> : null}
                <p>{group.audiences.map((a) => t(`audience.${a}`)).join(', ')}</p>
              </>
            ) : null}
            {areaNames.length > 0 ? (
              <>
                <h2>{t('filterArea')}</h2>
                <p>{areaNames.join(', ')}</p>
              </>
            ) : null}
            <h2>{t('cost')}</h2>
            <p>{describeCostTag(t, group.cost)}</p>
            {group.cost.free && showCostText(group.cost) ? (
              <p {...ENGLISH_CONTENT}>{costDetail(group.cost)}</p>
            ) : null}
            {group.languages.length > 0 ? (
              <>
                <h2>{t('languagesSpoken')}</h2>
                <p>{group.languages.join(', ')}</p>
              </>
            ) : null}
            {group.accessibility ? (
              <>
                <h2>{t('access')}</h2>
                <p {...ENGLISH_CONTENT}>{group.accessibility}</p>
              </>
            ) : null}
            {group.checkedAt ? (
              <p class="muted">{t('checked', { date: longDate(group.checkedAt) })}</p>
            ) : null}
          </section>
          <ContactDetails contact={group.contact} />
        </div>
      </main>
    </>
  );
}
