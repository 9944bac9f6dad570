// How a school holiday is named in the audit log, and what a change to one shows.
import type { SchoolHoliday } from '@fiveways/shared';
import type { AuditedKind } from '../audit/staff-write.ts';
import { getSchoolHoliday } from './school-holidays.queries.ts';

/** A school holiday written, and the sessions whose dates it moves (they skip school holidays). */
export interface SchoolHolidayKey {
  id: number;
  sessions: readonly number[];
}

export const SCHOOL_HOLIDAY: AuditedKind<SchoolHolidayKey, SchoolHoliday> = {
  entity: 'school-holiday',
  idOf: (key) => String(key.id),
  load: (db, key) => getSchoolHoliday(db, key.id),
  missing: 'school holiday with that id',
  // Only the sessions that skip school holidays show them.
  publicChange: (key) => ({ sessions: key.sessions }),
};
