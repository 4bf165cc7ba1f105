import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, Me, SessionResponse, UpdateMeRequest } from '@relab/shared';
import { api, ApiError, type AnyErrorCode } from '../../lib/api.js';
import { storeLanguage } from '../../i18n/languages.js';
import { browserStorage, clearOutboxes } from '../dialogues/outbox.js';
import { SessionContext, type SessionContextValue, type SessionStatus } from './useSession.js';

/** Knows who is logged in (asked once on load), and keeps the UI language in line with the user's. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [me, setMe] = useState<Me | null>(null);
  const [notice, setNotice] = useState<AnyErrorCode | null>(null);
  const [signedOut, setSignedOut] = useState(false);
  const meRef = useRef<Me | null>(null);
  meRef.current = me;

  const adoptUser = useCallback(
    (user: Me) => {
      setMe(user);
      setStatus('authenticated');
      setNotice(null);
      setSignedOut(false);
      if (i18n.language !== user.language) void i18n.changeLanguage(user.language);
    },
    [i18n],
  );

  const forget = useCallback((reason: AnyErrorCode | null) => {
    setMe(null);
    setStatus('anonymous');
    setNotice(reason);
  }, []);

  useEffect(() => {
    let current = true;
    api.getSession().then(
      (session) => current && adoptUser(session.user),
      (error: unknown) => {
        if (!current) return;
        // 401 simply means "not logged in"; anything else (server unreachable) is worth a notice.
        const code = error instanceof ApiError ? error.code : 'UNKNOWN_ERROR';
        forget(code === 'UNAUTHENTICATED' ? null : code);
      },
    );
    return () => {
      current = false;
    };
  }, [adoptUser, forget]);

  // A request finding the session gone (expired, logged out in another tab) sends the user back to the login page.
  useEffect(
    () =>
      api.onSessionLost((code) => {
        if (meRef.current) forget(code === 'UNAUTHENTICATED' ? 'SESSION_EXPIRED' : code);
      }),
    [forget],
  );

  const signIn = useCallback((session: SessionResponse) => adoptUser(session.user), [adoptUser]);

  const signOut = useCallback(async () => {
    const userId = meRef.current?.id;
    try {
      await api.logout();
    } catch {
      // Even if the server cannot be reached, this device forgets the session.
    }
    // Dialogue messages not sent yet stay on this device no longer than the session (done first: it needs no
    // network, unlike loading the chunk below).
    if (userId) clearOutboxes(browserStorage(), userId);
    // The live connection belonged to the session; the local copies of documents belong to this user only.
    // (Loaded on demand: the collaboration code is only in the bundle of the pages that use it.)
    await import('../../collab/logout.js').then(({ forgetCollabData }) => forgetCollabData(userId)).catch(() => undefined);
    setSignedOut(true);
    forget(null);
  }, [forget]);

  const updateMe = useCallback(
    async (patch: UpdateMeRequest) => {
      const updated = await api.updateMe(patch);
      adoptUser(updated);
      return updated;
    },
    [adoptUser],
  );

  const changeLanguage = useCallback(
    async (language: Language) => {
      storeLanguage(language);
      await i18n.changeLanguage(language);
      if (me && me.language !== language) await updateMe({ language });
    },
    [i18n, me, updateMe],
  );

  const value = useMemo<SessionContextValue>(
    () => ({ status, me, notice, signedOut, signIn, signOut, updateMe, changeLanguage }),
    [status, me, notice, signedOut, signIn, signOut, updateMe, changeLanguage],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
