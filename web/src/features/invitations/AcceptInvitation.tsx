import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { InvitationPreview, SessionResponse } from '@relab/shared';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { api } from '../../lib/api.js';
import { useAction } from '../../lib/useAction.js';
import { NewAccountForm } from '../auth/NewAccountForm.js';
import { useSession } from '../auth/useSession.js';

interface Props {
  token: string;
  preview: InvitationPreview;
  onAccepted: (session: SessionResponse) => void;
}

/**
 * What to do with a professional invitation, depending on who is there:
 * an existing account logs in first and then accepts with one click; a new person creates an account.
 */
export function AcceptInvitation({ token, preview, onAccepted }: Props) {
  const { t } = useTranslation();
  const { status, me, signOut } = useSession();
  const action = useAction();
  const here = `/invite/${encodeURIComponent(token)}`;

  async function acceptAsMe() {
    const session = await action.run(() => api.acceptInvitation({ token }));
    if (session) onAccepted(session);
  }

  if (status === 'authenticated' && me) {
    if (preview.accountExists === false) {
      return (
        <div className="stack">
          <p>{t('invite.newAccountWhileLoggedIn', { name: me.displayName })}</p>
          <button type="button" className="button button-secondary" onClick={() => void signOut()}>
            {t('nav.logout')}
          </button>
        </div>
      );
    }
    return (
      <div className="stack">
        <p>{t('invite.loggedInAs', { name: me.displayName })}</p>
        <ErrorAlert error={action.error} />
        <button
          type="button"
          className="button"
          data-testid="invite-accept-submit"
          disabled={action.pending}
          onClick={acceptAsMe}
        >
          {action.pending ? t('invite.submitting') : t('invite.accept')}
        </button>
      </div>
    );
  }

  if (preview.accountExists) {
    return (
      <div className="stack">
        <p>{t('invite.accountExists')}</p>
        <Link className="button" to={`/login?next=${encodeURIComponent(here)}`} data-testid="invite-login-first">
          {t('invite.loginFirst')}
        </Link>
      </div>
    );
  }

  return <NewAccountForm token={token} onAccepted={onAccepted} />;
}
