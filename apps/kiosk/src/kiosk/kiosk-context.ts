import type { Venue } from '@fiveways/shared';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Directory } from './directory/types.ts';
import type { Language, Translator } from '../i18n/index.ts';
import type { Filters } from './filters.ts';
import type { Listen } from './listen/use-listen.ts';

/** One screen of a visit. The visit keeps its own stack, so the browser history never grows. */
export type Screen =
  | { name: 'home' }
  | { name: 'results'; filters: Filters }
  | { name: 'filters'; filters: Filters }
  | { name: 'session'; id: number; date: string | null }
  | { name: 'group'; slug: string }
  | { name: 'take-home'; id: number; date: string | null }
  | { name: 'print-session'; id: number }
  | { name: 'print-week'; venue: string }
  | { name: 'language' }
  | { name: 'about' };

export interface Navigation {
  open: (screen: Screen) => void;
  /** Swaps the screen on top, for a choice that should not add a Back step. */
  replace: (screen: Screen) => void;
  back: () => void;
  home: () => void;
  startAgain: () => void;
  depth: number;
}

export interface KioskState extends Translator {
  directory: Directory | null;
  today: string;
  homeVenue: Venue | null;
  nav: Navigation;
  setLanguage: (language: Language) => void;
  bigText: boolean;
  toggleBigText: () => void;
  /** Reading the screen aloud; null when the device has no voice for the language. */
  listen: Listen | null;
}

export const KioskContext = createContext<KioskState | null>(null);

export function useKiosk(): KioskState {
  const state = useContext(KioskContext);
  if (!state) throw new Error('useKiosk outside the kiosk');
  return state;
}

/** Screens people read or scan from get twice as long before the idle warning. */
export function idleLimitMs(screen: Screen): number {
  switch (screen.name) {
    case 'session':
    case 'group':
    case 'take-home':
    case 'print-session':
    case 'print-week':
    case 'about':
      return 180_000;
    default:
      return 90_000;
  }
}
