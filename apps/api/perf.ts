import { planImport } from './src/imports/plan-import.ts';
const events: string[] = [];
for (let i = 0; i < 100_000; i++) {
  const day = String(1 + (i % 28)).padStart(2, '0');
  events.push(`BEGIN:VEVENT\r\nUID:e${i}\r\nSUMMARY:Event ${i}\r\nDTSTART;TZID=Europe/London:202703${day}T100000\r\nDTEND;TZID=Europe/London:202703${day}T110000\r\nRRULE:FREQ=WEEKLY;BYDAY=MO\r\nEND:VEVENT`);
}
const ics = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${events.join('\r\n')}\r\nEND:VCALENDAR\r\n`;
console.log('bytes', ics.length);
for (const max of [1000, 5000]) {
  const t = Date.now();
  const p = planImport(ics, { defaults: { venue: 'd', ways: [], audiences: [] }, venues: [], today: '2027-01-01', windowDays: 400, maxEvents: max });
  console.log(max, Date.now() - t, 'ms', 'error' in p ? p.error : [p.sessions.length, p.skipped.length, p.expanded.length, JSON.stringify(p.capped)]);
}
