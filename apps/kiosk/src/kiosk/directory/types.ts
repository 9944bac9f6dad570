// The kiosk's snapshot of the directory, in the forms the page, the worker and the saved copy use.
import type { Area, Group, Meta, Occurrence, Session, Venue } from '@fiveways/shared';
import type { buildOccurrences, occurrenceSpan } from '@fiveways/shared/build-occurrences';
import type { describeRecurrence } from '@fiveways/shared/describe-recurrence';
import type { nextOccurrences } from '@fiveways/shared/recurrence';

/** Everything the kiosk shows, as one snapshot that changes only on the attract screen. */
export interface Directory {
  meta: Meta;
  areas: Area[];
  venues: Venue[];
  groups: Group[];
  sessions: Session[];
  occurrences: Occurrence[];
  /** Inclusive local dates the occurrences cover. */
  from: string;
  to: string;
  /** When this information came from the server (ISO instant). */
  fetchedAt: string;
  /** True when the server could not be reached and saved information is shown. */
  offline: boolean;
  /** The shared recurrence module's next-dates function, for session details. */
  nextOccurrences: typeof nextOccurrences;
  /** The shared reading of a date's wall-clock times, so details show the times the API gives. */
  occurrenceSpan: typeof occurrenceSpan;
  /** The shared builder, for courses and one-offs that start after the dated window. */
  buildOccurrences: typeof buildOccurrences;
  /** The shared plain-English repeat rule, for the print sheet. */
  describeRecurrence: typeof describeRecurrence;
}

/** The functions that come with the directory, from the shared rules (never sent or saved). */
export type DirectoryRules = Pick<
  Directory,
  'nextOccurrences' | 'occurrenceSpan' | 'buildOccurrences' | 'describeRecurrence'
>;

/** The directory as the worker sends it: everything but the functions. */
export type DirectoryData = Omit<Directory, keyof DirectoryRules>;

/** What the page asks the worker for: inclusive local dates of occurrences. */
export interface DirectoryRequest {
  from: string;
  to: string;
}

/** The worker's answer. */
export type DirectoryReply =
  { ok: true; directory: DirectoryData } | { ok: false; message: string };

/** What is kept on the device between runs: everything but the dated occurrences. */
export type SavedDirectory = Omit<
  Directory,
  'occurrences' | 'offline' | 'from' | 'to' | keyof DirectoryRules
>;
