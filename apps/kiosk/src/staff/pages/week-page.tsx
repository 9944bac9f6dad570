import {
  addDays,
  formatLongDate,
  formatShortDate,
  isLocalDate,
  londonDateOf,
  startOfWeek,
  type Occurrence,
} from '@fiveways/shared';
import { useState } from 'preact/hooks';
import { CancelDialog } from '../components/cancel-dialog.tsx';
import { Link } from '../components/link.tsx';
import { LoadState, Notice, Page } from '../components/page.tsx';
import { useAuth } from '../hooks/use-auth.ts';
import { useLoad } from '../hooks/use-load.ts';
import { useRoute } from '../hooks/use-route.ts';
import { del, loadOccurrences, messageOf, post } from '../staff-api.ts';

/** The local date and time of an ISO instant written with its UK offset. */
export function localDateOf(instant: string): string {
  return instant.slice(0, 10);
}
export function localTimeOf(instant: string): string {
  return instant.slice(11, 16);
}

function groupByDay(weekStart: string, occurrences: readonly Occurrence[]) {
  return Array.from({ length: 7 }, (_, i) => {
    const date = addDays(weekStart, i);
    return { date, items: occurrences.filter((o) => localDateOf(o.start) === date) };
  });
}

export function WeekPage() {
  const { me } = useAuth();
  const route = useRoute();
  const today = londonDateOf(new Date());
  const asked = route.query.get('week') ?? '';
  const weekStart = startOfWeek(isLocalDate(asked) ? asked : today);
  const weekEnd = addDays(weekStart, 6);
  const venues = me.role === 'admin' ? null : me.venues;
  const [loaded, reload] = useLoad(
    () => loadOccurrences(weekStart, weekEnd, venues),
    `${weekStart}|${venues?.join(',') ?? '*'}`,
  );
  const [cancelling, setCancelling] = useState<Occurrence | null>(null);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState('');

  const label = (o: Occurrence) =>
    `${o.title} on ${formatLongDate(localDateOf(o.start))} at ${localTimeOf(o.start)}`;

  async function cancel(o: Occurrence, reason: string) {
    await post(`/api/sessions/${o.sessionId}/cancellations`, { date: o.date, reason });
    setCancelling(null);
    setNotice(`Cancelled: ${label(o)}. Residents see this straight away.`);
    await reload();
  }

  async function reinstate(o: Occurrence) {
    setFailure('');
    try {
      await del(`/api/sessions/${o.sessionId}/cancellations/${o.date}`);
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
      {failure ? (
        <p class="flash flash--error" role="alert">
          {failure}
        </p>
      ) : null}
      {loaded.state !== 'ready' ? (
        <LoadState
          state={loaded.state}
          {...(loaded.state === 'error' ? { message: loaded.message } : {})}
        />
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
                      {localTimeOf(o.start)}–{localTimeOf(o.end)}
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
                      {o.status === 'cancelled' ? (
                        <button
                          type="button"
                          class="button button--secondary"
                          onClick={() => void reinstate(o)}
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
