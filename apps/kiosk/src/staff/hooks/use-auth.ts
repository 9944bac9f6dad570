import type { Me } from '@fiveways/shared';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { ApiError, getParsed } from '../../common/api-client.ts';

export interface Auth {
  me: Me;
  /** Reloads who is logged in (after a login or a password change). */
  refresh: () => Promise<void>;
  logOut: () => Promise<void>;
}

export const AuthContext = createContext<Auth | null>(null);

/** The logged-in person; pages under the staff layout always have one. */
export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (auth === null) throw new Error('useAuth outside the logged-in staff area');
  return auth;
}

/** Who is logged in, or null when nobody is (a 401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await getParsed('/api/auth/me', (s) => s.MeSchema);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}
