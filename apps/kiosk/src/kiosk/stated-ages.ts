// The age range a group states in its own words ("for ages 11 to 18", "aged 13 to 19", "young
// people 16 to 19"), so the kiosk shows it beside the broad audience bands.

/** Youngest and oldest ages a group states. */
export interface StatedAges {
  min: number;
  max: number;
}

const RANGE = /\b(?:ages?|aged|people)\s+(\d{1,2})\s*(?:to|-|–)\s*(\d{1,2})\b/i;

/** The age range stated in a group's description, or null when it states none. */
export function findStatedAges(text: string): StatedAges | null {
  const range = RANGE.exec(text);
  if (!range) return null;
  const min = Number(range[1]);
  const max = Number(range[2]);
  return min < max ? { min, max } : null;
}

/**
 * The age range a group is for: its own youngest and oldest ages when staff gave both, else, only
 * when it has neither, what its description states.
 */
export function findGroupAges(group: {
  minAge?: number | null | undefined;
  maxAge?: number | null | undefined;
  description: string;
}): StatedAges | null {
  const min = group.minAge ?? null;
  const max = group.maxAge ?? null;
  if (min === null && max === null) return findStatedAges(group.description);
  // One end alone does not make "Ages 11 to 18"; the description may say otherwise, so say nothing.
  return min !== null && max !== null ? { min, max } : null;
}
