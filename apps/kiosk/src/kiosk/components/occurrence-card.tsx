import type { Occurrence } from '@fiveways/shared';
import { wallDateOf, wallTimeOf } from '@fiveways/shared/london-time';
import { labelDay } from '../day-label.ts';
import {
  contentAttrs,
  ENGLISH_CONTENT,
  sessionById,
  sessionContent,
} from '../../common/content-text.ts';
import { useKiosk } from '../kiosk-context.ts';
import { WayIcon } from './icons.tsx';

/** One dated occurrence as a large button that opens the session. */
export function OccurrenceCard({ occurrence: o }: { occurrence: Occurrence }) {
  const kiosk = useKiosk();
  const { t, nav, directory, language } = kiosk;
  const session = directory ? sessionById(directory.sessions, o.sessionId) : undefined;
  const title = sessionContent({ ...session, title: o.title, description: '' }, language);
  const date = wallDateOf(o.start);
  const cancelled = o.status === 'cancelled';
  return (
    <button
      type="button"
      class={cancelled ? 'card card-cancelled' : 'card'}
      data-occurrence={`${o.sessionId}|${o.date}`}
      onClick={() => nav.open({ name: 'session', id: o.sessionId, date: o.date })}
    >
      <span class="card-when">
        <span class="card-day">{labelDay(kiosk, date)}</span>
        <span class="card-time">
          {t('timeRange', { start: wallTimeOf(o.start), end: wallTimeOf(o.end) })}
        </span>
      </span>
      <span class="card-main">
        {cancelled ? (
          <span class="badge badge-cancelled">
            {o.cancelReason ? t('cancelledReason', { reason: o.cancelReason }) : t('cancelled')}
          </span>
        ) : null}
        <span class="card-title" {...contentAttrs(title.titleLang)}>
          {title.title}
        </span>
        <span class="card-venue" {...ENGLISH_CONTENT}>
          {o.venue.name}
        </span>
        <span class="card-tags">
          {o.ways.map((w) => (
            <span key={w} class={`tag way-${w}`}>
              <WayIcon way={w} size={24} />
              {t(`way.${w}`)}
            </span>
          ))}
          {o.free ? <span class="tag">{t('free')}</span> : null}
          <span class="tag">{o.booking === 'drop-in' ? t('dropIn') : t('bookFirst')}</span>
          {o.changed && !cancelled ? <span class="tag tag-moved">{t('moved')}</span> : null}
        </span>
      </span>
    </button>
  );
}
