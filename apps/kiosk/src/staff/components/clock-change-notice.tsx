import { formatShortDate } from '@fiveways/shared';
import { clockChangeMessage, type ClockChange, type ClockChangeWarning } from '../clock-change.ts';

/** The clock-change warning for one date and times, shown as they are typed, before saving. */
export function ClockChangeNotice({ date, change }: { date: string; change: ClockChange | null }) {
  if (change === null) return null;
  return (
    <div class="clock-warning" role="status">
      <p>
        <strong>Clock change.</strong> {clockChangeMessage(date, change)}
      </p>
    </div>
  );
}

/** Every date of a session's rule that meets the clock-change hour: the first told in full. */
export function ClockChangeWarnings({ warnings }: { warnings: readonly ClockChangeWarning[] }) {
  const [first, ...more] = warnings;
  if (first === undefined) return null;
  return (
    <div class="clock-warning" role="status">
      <p>
        <strong>Clock change.</strong> {first.message}
      </p>
      {more.length > 0 ? (
        <p>The same happens on {more.map((w) => formatShortDate(w.date)).join(', ')}.</p>
      ) : null}
    </div>
  );
}
