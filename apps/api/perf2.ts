import { readCalendar } from './src/imports/ics-read.ts';
import { planImport } from './src/imports/plan-import.ts';
const events: string[] = [];
for (let i = 0; i < 100_000; i++) {
  events.push(`BEGIN:VEVENT\r\nUID:e${i}\r\nSUMMARY:Event ${i}\r\nDTSTART;TZID=Europe/London:20270301T100000\r\nDTEND;TZID=Europe/London:20270301T110000\r\nRRULE:FREQ=WEEKLY;BYDAY=MO\r\nEND:VEVENT`);
}
const ics = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${events.join('\r\n')}\r\nEND:VCALENDAR\r\n`;
let t = Date.now();
const r = readCalendar(ics, 1000);
console.log('read', Date.now() - t, 'error' in r ? r.error : r.events.length);
t = Date.now();
const p = planImport(ics, { defaults: { venue: 'd', ways: [], audiences: [] }, venues: [], today: '2027-01-01', windowDays: 400, maxEvents: 1000 });
console.log('plan', Date.now() - t, 'error' in p ? p.error : p.sessions.length);
