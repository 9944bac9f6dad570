// The English words for a session's kind, a venue's accessibility features and the cost, for the
// public pages, the staff area, the kiosk's English and the calendar feeds. Free of zod, so the
// kiosk's first download can carry them.
import type { Cost } from './common.ts';
import type { SessionKind } from './session.ts';
import type { VenueAccessibility } from './venue.ts';

export const KIND_LABELS: Readonly<Record<SessionKind, string>> = {
  'drop-in': 'Drop-in',
  group: 'Group',
  course: 'Course',
  clinic: 'Clinic',
  event: 'Event',
};

/** A venue's yes-or-no accessibility features, in the order they are listed. */
export const ACCESSIBILITY_FEATURES = [
  'stepFree',
  'hearingLoop',
  'accessibleToilet',
  'parking',
  'babyChange',
] as const satisfies readonly (keyof VenueAccessibility)[];
export type AccessibilityFeature = (typeof ACCESSIBILITY_FEATURES)[number];

export const ACCESSIBILITY_LABELS: Readonly<Record<AccessibilityFeature, string>> = {
  stepFree: 'Step-free access',
  hearingLoop: 'Hearing loop',
  accessibleToilet: 'Accessible toilet',
  parking: 'Parking',
  babyChange: 'Baby changing',
};

/** The labels of the features a venue has, in the fixed order. */
export function listAccessibilityFeatures(
  accessibility: Pick<VenueAccessibility, AccessibilityFeature>,
): string[] {
  return ACCESSIBILITY_FEATURES.filter((f) => accessibility[f]).map((f) => ACCESSIBILITY_LABELS[f]);
}

export const COST_LABELS = {
  free: 'Free',
  /** There is a charge (a short tag; the details, if any, are shown beside it). */
  charge: 'There is a charge',
} as const;

/** "Free", "Free (bring a packed lunch)", "£2 a session", or the charge with what to do. */
export function describeCost(cost: Cost): string {
  if (cost.free) return cost.text === '' ? COST_LABELS.free : `${COST_LABELS.free} (${cost.text})`;
  return cost.text === '' ? `${COST_LABELS.charge}: ask when you arrive` : cost.text;
}
