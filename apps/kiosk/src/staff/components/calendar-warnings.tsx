// On the staff home: linked group calendars that have failed for days or not changed for months,
// so a dead feed does not go unnoticed.
import { getParsed } from '../../common/api-client.ts';
import { useLoad } from '../../common/use-load.ts';
import { Link } from './link.tsx';
import './group-calendar.css';

export function CalendarWarnings({ scope }: { scope: string }) {
  const [loaded] = useLoad(
    (signal) => getParsed('/api/staff/calendars', (s) => s.CalendarLinkListSchema, signal),
    scope,
  );
  if (loaded.status !== 'ready') return null;
  const warned = loaded.data.items.filter((l) => l.warning !== null);
  if (warned.length === 0) return null;
  return (
    <section class="flash flash--error calendar-warnings" aria-labelledby="calendar-warnings-title">
      <h2 id="calendar-warnings-title">Group calendars to check</h2>
      <ul>
        {warned.map((l) => (
          <li key={l.id}>
            <Link href={`/staff/groups/${l.group}`}>{l.groupName}</Link>: {l.warning}
          </li>
        ))}
      </ul>
    </section>
  );
}
