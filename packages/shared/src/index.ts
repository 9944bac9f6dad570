export * from './schemas.ts';
export * from './bank-holidays.ts';
export * from './build-occurrences.ts';
export * from './dates.ts';
export * from './describe-recurrence.ts';
export * from './labels.ts';
export * from './london-time.ts';
export * from './recurrence.ts';
