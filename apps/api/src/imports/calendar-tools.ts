// The real fetch and planner, as the importer uses them outside tests that pass stand-ins.
import { calendarUrlOf, fetchCalendar } from './fetch-calendar.ts';
import type { CalendarTools } from './importer.ts';
import { planImport } from './plan-import.ts';

export const CALENDAR_TOOLS: CalendarTools = {
  urlOf: calendarUrlOf,
  fetch: fetchCalendar,
  plan: planImport,
};
