import { calendarFileUrl, followPageUrl } from '../../common/feed-links.ts';
import { usePublic } from '../hooks/use-public.ts';

/**
 * The two ways to put a session in a calendar, named and told apart: "Add to my calendar" (a file
 * of its dates, once, that never changes) and "Follow this session" (a calendar that updates
 * itself, cancellations included). `only` leaves out the one the page already is.
 */
export function CalendarChoices({ sessionId, only }: { sessionId: number; only?: 'add' }) {
  const { t, meta } = usePublic();
  if (meta === null) {
    return (
      <p role="status" class="pub-status">
        {t.t('loading')}
      </p>
    );
  }
  return (
    <ul class="pub-choices">
      <li class="pub-choice">
        <a class="pub-button" href={calendarFileUrl(meta.publicUrl, sessionId)}>
          {t.t('qrCalendar')}
        </a>
        <span class="pub-action-hint">{t.t('qrCalendarHint')}</span>
      </li>
      {only === undefined && (
        <li class="pub-choice">
          <a
            class="pub-button pub-button-secondary"
            href={followPageUrl(
              meta.publicUrl,
              { kind: 'sessions', key: String(sessionId) },
              t.language,
            )}
          >
            {t.t('qrFollow')}
          </a>
          <span class="pub-action-hint">{t.t('qrFollowHint')}</span>
        </li>
      )}
    </ul>
  );
}
