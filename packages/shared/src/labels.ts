// The English words for a session's kind, a venue's accessibility features and the cost, for the
// public pages, the staff area, the kiosk's English and the calendar feeds. Free of zod, so the
// kiosk's first download can carry them.
import type { Cost } from './common.ts';
import type { SessionKind } from './session.ts';
import type { Role } from './staff.ts';
import type { VenueAccessibility } from './venue.ts';

/** What each staff role is called in the staff area and the audit log. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: 'Admin',
  staff: 'Staff',
  champion: 'Community Champion',
};

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

/** Cost text that only says it is free again, and what follows it. */
const SAYS_FREE = /^(?:free(?: of charge)?|no charge|no cost)\b[\s,;:.!-]*/i;

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * "Free", "Free, donations welcome", "Free (bring a packed lunch)", "£2 a session", or the charge
 * with what to do. Staff often repeat the free tick in the text ("Free", "Free, donations
 * welcome"): free is said once ("Free (Free)" never), and the result never ends in a full stop,
 * so a sentence can add its own.
 */
/**
 * What a cost text adds to the session's free or paid tag, for surfaces that show the tag in the
 * reader's language beside it: '' when the text only restates "free" ("Free", "free.", "No
 * charge"), the rest when it starts by saying so ("Free, bring a packed lunch" → "bring a packed
 * lunch"), the text itself otherwise.
 */
export function costDetail(cost: Cost): string {
  const text = cost.text.trim().replace(/[.\s]+$/, '');
  if (!cost.free) return text;
  const restated = SAYS_FREE.exec(text);
  return restated === null ? text : text.slice(restated[0].length);
}

export function describeCost(cost: Cost): string {
  const text = cost.text.trim().replace(/[.\s]+$/, '');
  if (!cost.free) return text === '' ? `${COST_LABELS.charge}: ask when you arrive` : text;
  if (text === '') return COST_LABELS.free;
  if (/^free\b/i.test(text)) return capitalised(text);
  const restated = SAYS_FREE.exec(text);
  if (restated !== null) {
    const rest = text.slice(restated[0].length);
    return rest === '' ? COST_LABELS.free : `${COST_LABELS.free}, ${rest}`;
  }
  return `${COST_LABELS.free} (${text})`;
}
