import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionResponse } from '@relab/shared';
import { JoinForm } from '../features/auth/JoinForm.js';
import { RecoveryCodeNotice } from '../features/auth/RecoveryCodeNotice.js';
import { useSession } from '../features/auth/useSession.js';
import { usePageTitle } from '../lib/usePageTitle.js';

/** /join and /join/:code — a family member or returnee joins a lab with the code they were given. */
export function JoinPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const navigate = useNavigate();
  const { signIn } = useSession();
  const [joined, setJoined] = useState<SessionResponse | null>(null);
  usePageTitle(t('join.title'));

  function handleJoined(session: SessionResponse) {
    signIn(session);
    if (session.recoveryCode) setJoined(session);
    else goToLab(session);
  }

  function goToLab(session: SessionResponse) {
    const lab = session.labId ? `/labs/${encodeURIComponent(session.labId)}` : null;
    // Invited into a moderated dialogue: straight there (its ground rules come first).
    const target = lab && session.dialogueId ? `${lab}/dialogues/${encodeURIComponent(session.dialogueId)}` : lab;
    navigate(target ?? '/', { replace: true });
  }

  if (joined?.recoveryCode) {
    return (
      <div className="narrow">
        <RecoveryCodeNotice code={joined.recoveryCode} context="join" onAcknowledge={() => goToLab(joined)} />
      </div>
    );
  }

  return (
    <section className="narrow" aria-labelledby="join-title">
      <h1 id="join-title">{t('join.title')}</h1>
      <p>{t('join.intro')}</p>
      <JoinForm key={code ?? ''} initialCode={code} onJoined={handleJoined} />
    </section>
  );
}
