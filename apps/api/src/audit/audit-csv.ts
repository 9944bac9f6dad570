// The audit log as a spreadsheet: its columns and one row per entry. Quoting and formula defusing
// are the exports' (http/csv.ts), so every CSV the service writes reads the same way.
import type { AuditEntry } from '@fiveways/shared';
import { describeAuditEntry, describeActor } from '@fiveways/shared/audit-sentence';
import { londonWallTimeOf } from '@fiveways/shared/london-time';

export const AUDIT_CSV_HEADER = [
  'When (London)',
  'Who',
  'What happened',
  'Kind',
  'Record',
  'Venue',
  'Date',
  'Reason',
  'Entry',
] as const;

/** One audit entry as a CSV row, in the order of AUDIT_CSV_HEADER. */
export function auditCsvRow(entry: AuditEntry): string[] {
  const at = new Date(entry.at);
  const when = Number.isNaN(at.getTime())
    ? entry.at
    : (({ date, time }) => `${date} ${time}`)(londonWallTimeOf(at));
  return [
    when,
    describeActor(entry.actor),
    describeAuditEntry(entry),
    entry.kind,
    entry.record.title,
    entry.record.venue?.name ?? '',
    entry.occurrence?.date ?? entry.span?.from ?? '',
    entry.occurrence?.reason ?? entry.span?.reason ?? '',
    String(entry.id),
  ];
}
