import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { InvitationList } from './InvitationList.js';
import { InviteParticipantForm } from './InviteParticipantForm.js';
import { InviteProfessionalForm } from './InviteProfessionalForm.js';
import { useInvitations } from './useInvitations.js';

/** The facilitator's part of a lab page: invite people and follow up invitations. */
export function InvitationsPanel({ labId }: { labId: string }) {
  const { t } = useTranslation();
  const invitations = useInvitations(labId);

  return (
    <section aria-labelledby="invitations-title" className="invitations">
      <h2 id="invitations-title">{t('invitations.title')}</h2>
      <div className="grid-2">
        <InviteParticipantForm onCreate={invitations.create} />
        <InviteProfessionalForm onCreate={invitations.create} />
      </div>
      <h3>{t('invitations.listTitle')}</h3>
      {invitations.loading ? <Loading /> : null}
      <ErrorAlert error={invitations.error} />
      {invitations.data ? (
        <InvitationList invitations={invitations.data} onRevoke={invitations.revoke} />
      ) : null}
      <p>
        <button type="button" className="button button-secondary" onClick={invitations.reload}>
          {t('invitations.refresh')}
        </button>
      </p>
    </section>
  );
}
