// The contract's zod schemas on their own, for clients that load them lazily (the front end's
// pages and the kiosk's directory worker): none of the pure helpers come along.
export * from './api-error.ts';
export * from './area.ts';
export * from './audience.ts';
export * from './common.ts';
export * from './group.ts';
export * from './meta.ts';
export * from './occurrence.ts';
export * from './organisation.ts';
export * from './session.ts';
export * from './staff.ts';
export * from './venue.ts';
export * from './way.ts';
export * from './translation.ts';
export * from './closure.ts';
export * from './reach.ts';
export * from './print.ts';
export * from './suggestion.ts';
export * from './conversation.ts';
export * from './insights.ts';
export * from './calendar-import.ts';
