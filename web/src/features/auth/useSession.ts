import { createContext, useContext } from 'react';
import type { Language, Me, SessionResponse, UpdateMeRequest } from '@relab/shared';
import type { AnyErrorCode } from '../../lib/api.js';

export type SessionStatus = 'loading' | 'anonymous' | 'authenticated';

export interface SessionContextValue {
  status: SessionStatus;
  /** The logged-in user, or null. */
  me: Me | null;
  /** Why the last session ended or could not be read (SESSION_EXPIRED, NETWORK_ERROR…), for a notice on the login page. */
  notice: AnyErrorCode | null;
  /** True after the user logged out themselves (until the next sign-in): no "come back to this page" after login. */
  signedOut: boolean;
  /** Adopts the session returned by login, join, recover or accept-invitation. */
  signIn: (session: SessionResponse) => void;
  /** Logs out on the server and forgets everything kept in memory. */
  signOut: () => Promise<void>;
  /** PATCH /api/me; the UI language follows the answer. */
  updateMe: (patch: UpdateMeRequest) => Promise<Me>;
  /** Switches the UI language now; saved on the account when logged in, on this device otherwise. */
  changeLanguage: (language: Language) => Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
