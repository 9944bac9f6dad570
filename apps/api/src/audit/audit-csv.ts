// The audit log as a spreadsheet: RFC 4180 quoting, and no cell a spreadsheet would run as a
// formula (OWASP "CSV injection": a leading = + - @, tab or carriage return gets a ').
import type { AuditEntry } from '@fiveways/shared';
import { describeAuditEntry, describeActor } from '@fiveways/shared/audit-sentence';
import { londonWallTimeOf } from '@fiveways/shared/london-time';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: defused if a spreadsheet would read it as a formula, quoted when it must be. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows of cells as CSV text: CRLF line ends, with a byte-order mark so Excel reads UTF-8. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

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
