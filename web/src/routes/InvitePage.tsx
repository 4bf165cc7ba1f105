import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionResponse } from '@relab/shared';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { Loading } from '../components/Loading.js';
import { useSession } from '../features/auth/useSession.js';
import { AcceptInvitation } from '../features/invitations/AcceptInvitation.js';
import { InvitationSummary } from '../features/invitations/InvitationSummary.js';
import { useInvitationPreview } from '../features/invitations/useInvitationPreview.js';
import { usePageTitle } from '../lib/usePageTitle.js';

/** /invite/:token — a professional accepts an e-mail invitation. */
export function InvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const { signIn, status } = useSession();
  const { preview, error, loading } = useInvitationPreview(token ? { token } : null);
  usePageTitle(t('invite.title'));

  function accepted(session: SessionResponse) {
    signIn(session);
    navigate(session.labId ? `/labs/${encodeURIComponent(session.labId)}` : '/', { replace: true });
  }

  return (
    <section className="narrow" aria-labelledby="invite-title">
      <h1 id="invite-title">{t('invite.title')}</h1>
      {loading || status === 'loading' ? <Loading /> : null}
      <ErrorAlert error={error} />
      {preview && status !== 'loading' ? (
        <>
          <InvitationSummary preview={preview} />
          <AcceptInvitation token={token} preview={preview} onAccepted={accepted} />
        </>
      ) : null}
    </section>
  );
}
