// "What changed this week" on the staff home: counts and the latest few, from the audit log.
import type { RecentChange } from '@fiveways/shared';
import { getParsed } from '../../common/api-client.ts';
import { useLoad } from '../../common/use-load.ts';
import { Link } from './link.tsx';
import '../closures.css';

const SHOWN = 6;

const KIND_WORDS: Record<RecentChange['kind'], string> = {
  new: 'New',
  changed: 'Changed',
  cancelled: 'Cancelled',
  closure: 'Closure',
};

function whenOf(at: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  }).format(new Date(at));
}

export function RecentChanges({ scope }: { scope: string }) {
  const [loaded] = useLoad(
    (signal) => getParsed('/api/recent-changes', (s) => s.RecentChangesSchema, signal),
    scope,
  );
  if (loaded.status !== 'ready') return null;
  const { counts, items } = loaded.data;
  const total = counts.new + counts.changed + counts.cancelled + counts.closure;
  return (
    <section class="recent-changes" aria-labelledby="recent-changes-title">
      <h2 id="recent-changes-title">What changed this week</h2>
      {total === 0 ? (
        <p class="quiet">Nothing at your venues has changed in the last seven days.</p>
      ) : (
        <>
          <ul class="recent-changes__counts" aria-label="Changes in the last seven days">
            <li>
              <strong>{counts.new}</strong> new
            </li>
            <li>
              <strong>{counts.changed}</strong> changed
            </li>
            <li>
              <strong>{counts.cancelled}</strong> cancelled
            </li>
            <li>
              <strong>{counts.closure}</strong> {counts.closure === 1 ? 'closure' : 'closures'}
            </li>
          </ul>

          <ul class="recent-changes__list">
            {items.slice(0, SHOWN).map((item, i) => (
              <li key={`${item.at}-${i}`}>
                <p>
                  <span class="badge">{KIND_WORDS[item.kind]}</span>{' '}
                  {item.href ? <Link href={item.href}>{item.title}</Link> : item.title}
                </p>
                <p class="quiet">
                  {item.detail}. {item.by}, {whenOf(item.at)}.
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
