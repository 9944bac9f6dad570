import {
  addDays,
  formatLongDate,
  formatShortDate,
  isLocalDate,
  londonDateOf,
  startOfWeek,
  wallDateOf,
  wallTimeOf,
  type Occurrence,
} from '@fiveways/shared';
import { useLocation } from 'preact-iso/router';
import { useState } from 'preact/hooks';
import { getParsed, messageOf } from '../../common/api-client.ts';
import { CalendarWarnings } from '../components/calendar-warnings.tsx';
import { CancelDialog } from '../components/cancel-dialog.tsx';
import { Link } from '../components/link.tsx';
import { LoadState, Notice, Page } from '../components/page.tsx';
import { RecentChanges } from '../components/recent-changes.tsx';
import { useAuth } from '../hooks/use-auth.ts';
import { useLoad } from '../../common/use-load.ts';
import { addException, removeException } from '../session-exceptions.ts';

/** Occurrences from..to (inclusive local dates) at the given venues, or everywhere for null. */
async function loadOccurrences(
  from: string,
  to: string,
  venues: readonly string[] | null,
  signal: AbortSignal,
): Promise<Occurrence[]> {
  const query = (venue?: string) =>
    `/api/occurrences?${new URLSearchParams({ from, to, ...(venue ? { venue } : {}) }).toString()}`;
  const paths = venues === null ? [query()] : venues.map((v) => query(v));
  const lists = await Promise.all(
    paths.map(async (p) => (await getParsed(p, (s) => s.OccurrenceListSchema, signal)).occurrences),
  );
  // Each list is in the API's order; merged, they keep it: start, then title, then session.
  const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return lists
    .flat()
    .sort(
      (a, b) => compare(a.start, b.start) || compare(a.title, b.title) || a.sessionId - b.sessionId,
    );
}

function groupByDay(weekStart: string, occurrences: readonly Occurrence[]) {
  return Array.from({ length: 7 }, (_, i) => {
    const date = addDays(weekStart, i);
    return { date, items: occurrences.filter((o) => wallDateOf(o.start) === date) };
  });
}

export function WeekPage() {
  const { me } = useAuth();
  const { query } = useLocation();
  const now = new Date();
  const today = londonDateOf(now);
  const asked = query.week ?? '';
  const weekStart = startOfWeek(isLocalDate(asked) ? asked : today);
  const weekEnd = addDays(weekStart, 6);
  const venues = me.role === 'admin' ? null : me.venues;
  const [loaded, reload] = useLoad(
    (signal) => loadOccurrences(weekStart, weekEnd, venues, signal),
    `${weekStart}|${venues?.join(',') ?? '*'}`,
  );
  const [cancelling, setCancelling] = useState<Occurrence | null>(null);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState('');

  const label = (o: Occurrence) =>
    `${o.title} on ${formatLongDate(wallDateOf(o.start))} at ${wallTimeOf(o.start)}`;

  async function cancel(o: Occurrence, reason: string) {
    await addException(o.sessionId, { kind: 'cancelled', date: o.date, reason });
    setCancelling(null);
    setNotice(
      `Cancelled: ${label(o)}. Phone pages show it now. Kiosks show it within a minute or two, ` +
        'on the next screen a resident opens. Calendar apps show it when they next check, ' +
        'which can take some hours.',
    );
    await reload();
  }

  async function removeCancelledException(o: Occurrence) {
    setFailure('');
    try {
      await removeException(o.sessionId, 'cancelled', o.date);
      setNotice(`Back on: ${label(o)}.`);
      await reload();
    } catch (error) {
      setFailure(messageOf(error));
    }
  }

  const weekLink = (start: string) => `/staff?week=${start}`;
  const scope =
    me.role === 'admin'
      ? 'All venues.'
      : me.venues.length === 0
        ? 'You have no venues yet: ask an administrator to add you to one.'
        : `Your venues only.`;

  return (
    <Page title="This week">
      <div class="week-bar">
        <p class="week-bar__range">
          <strong>
            {formatShortDate(weekStart)} to {formatShortDate(weekEnd)}
          </strong>{' '}
          <span class="quiet">{scope}</span>
        </p>
        <nav class="week-bar__nav" aria-label="Weeks">
          <Link class="button button--secondary" href={weekLink(addDays(weekStart, -7))}>
            Previous week
          </Link>
          {weekStart !== startOfWeek(today) ? (
            <Link class="button button--secondary" href={weekLink(startOfWeek(today))}>
              This week
            </Link>
          ) : null}
          <Link class="button button--secondary" href={weekLink(addDays(weekStart, 7))}>
            Next week
          </Link>
        </nav>
        <Link class="button" href="/staff/sessions/new">
          Add a session
        </Link>
      </div>
      {notice ? <Notice message={notice} /> : null}
      <CalendarWarnings scope={String(me.id)} />
      <RecentChanges scope={`${me.id}|${notice}`} />
      {failure ? (
        <p class="flash flash--error" role="alert">
          {failure}
        </p>
      ) : null}
      {loaded.status !== 'ready' ? (
        <LoadState loaded={loaded} />
      ) : (
        groupByDay(weekStart, loaded.data).map((day) => (
          <section class="day" key={day.date} aria-labelledby={`day-${day.date}`}>
            <h2 id={`day-${day.date}`} class="day__title">
              {formatLongDate(day.date)}
              {day.date === today ? <span class="badge badge--today">Today</span> : null}
            </h2>
            {day.items.length === 0 ? (
              <p class="quiet">Nothing on.</p>
            ) : (
              <ul class="occurrences">
                {day.items.map((o) => (
                  <li
                    key={`${o.sessionId}-${o.date}`}
                    class={`occurrence${o.status === 'cancelled' ? ' occurrence--cancelled' : ''}`}
                  >
                    <p class="occurrence__time">
                      {wallTimeOf(o.start)}–{wallTimeOf(o.end)}
                    </p>
                    <div class="occurrence__what">
                      <p class="occurrence__title">
                        <Link href={`/staff/sessions/${o.sessionId}`}>{o.title}</Link>
                      </p>
                      <p class="quiet">{o.venue.name}</p>
                    </div>
                    <p class="occurrence__status">
                      {o.status === 'cancelled' ? (
                        <>
                          <span class="badge badge--cancelled">Cancelled</span>
                          {o.cancelReason ? <span> {o.cancelReason}</span> : null}
                        </>
                      ) : (
                        <span class="badge badge--on">On</span>
                      )}
                      {o.changed ? <span class="badge badge--moved">Moved</span> : null}
                    </p>
                    <div class="occurrence__actions">
                      {Date.parse(o.end) <= now.getTime() ? (
                        <span class="quiet">Over</span>
                      ) : o.status === 'cancelled' ? (
                        <button
                          type="button"
                          class="button button--secondary"
                          onClick={() => void removeCancelledException(o)}
                          aria-label={`Reinstate ${label(o)}`}
                        >
                          Reinstate
                        </button>
                      ) : (
                        <button
                          type="button"
                          class="button button--warning-quiet"
                          onClick={() => {
                            setNotice('');
                            setCancelling(o);
                          }}
                          aria-label={`Cancel ${label(o)}`}
                        >
                          Cancel
                        </button>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))
      )}
      {cancelling ? (
        <CancelDialog
          what={label(cancelling)}
          onConfirm={(reason) => cancel(cancelling, reason)}
          onClose={() => setCancelling(null)}
        />
      ) : null}
    </Page>
  );
}
