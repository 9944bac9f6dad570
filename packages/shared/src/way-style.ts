// Each way's colour and icon, for every surface that draws them: the kiosk's ways.css sets the same
// colours (a test keeps them equal) and the printed posters use both. Free of zod.
import type { WaySlug } from './way.ts';

/** Each at least 7:1 against white, as text on white and as the ground for white text. */
export const WAY_COLOURS: Readonly<Record<WaySlug, string>> = {
  connect: '#8a1c3f',
  'be-active': '#1f5c2e',
  'take-notice': '#00505c',
  'keep-learning': '#4b2a7a',
  give: '#6b3d00',
};

/** SVG path data on a 48 × 48 grid, drawn as a 3.5-wide round-capped stroke. */
export const WAY_ICON_PATHS: Readonly<Record<WaySlug, string>> = {
  // Two people side by side.
  connect:
    'M16 14a5 5 0 1 0 0.01 0M32 14a5 5 0 1 0 0.01 0M6 38c0-7 4-12 10-12s10 5 10 12M22 38c0-7 4-12 10-12s10 5 10 12',
  // A person mid-stride.
  'be-active': 'M28 8a4 4 0 1 0 0.01 0M20 22l6-6 6 6 6 2M26 16l-4 12 8 6-2 10M22 28l-8 10',
  // An open eye.
  'take-notice':
    'M4 24c6-9 13-13 20-13s14 4 20 13c-6 9-13 13-20 13S10 33 4 24zM24 18a6 6 0 1 0 0.01 0',
  // An open book.
  'keep-learning':
    'M24 14c-5-3-11-4-18-3v24c7-1 13 0 18 3 5-3 11-4 18-3V11c-7-1-13 0-18 3zM24 14v24',
  // A heart.
  give: 'M24 40S6 29 6 17a9 9 0 0 1 18-2 9 9 0 0 1 18 2c0 12-18 23-18 23z',
};

/** The icons' grid and stroke, as the kiosk draws them. */
export const WAY_ICON_GRID = 48;
export const WAY_ICON_STROKE = 3.5;
