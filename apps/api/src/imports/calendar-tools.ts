// The fetch and the planner the importer uses.
import { calendarUrlOf, fetchCalendar } from './fetch-calendar.ts';
import type { CalendarTools } from './importer.ts';
import { planImport } from './plan-import.ts';

export const CALENDAR_TOOLS: CalendarTools = {
  urlOf: calendarUrlOf,
  fetch: fetchCalendar,
  plan: planImport,
};
