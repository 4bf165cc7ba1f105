import { useTranslation } from 'react-i18next';
import type { Invitation } from '@relab/shared';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate } from '../../lib/format.js';
import { useAction } from '../../lib/useAction.js';

interface Props {
  invitations: Invitation[];
  onRevoke: (invitationId: string) => Promise<unknown>;
}

/** Invitations of the lab with their status; pending ones can be revoked. Codes and links are never shown again. */
export function InvitationList({ invitations, onRevoke }: Props) {
  const { t } = useTranslation();
  if (invitations.length === 0) return <p className="muted">{t('invitations.empty')}</p>;
  return (
    <table className="stack-table" data-testid="invitations-table">
      <caption className="visually-hidden">{t('invitations.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('invitations.who')}</th>
          <th scope="col">{t('invitations.role')}</th>
          <th scope="col">{t('invitations.status')}</th>
          <th scope="col">{t('invitations.expires')}</th>
          <th scope="col">{t('invitations.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {invitations.map((invitation) => (
          <InvitationRow key={invitation.id} invitation={invitation} onRevoke={onRevoke} />
        ))}
      </tbody>
    </table>
  );
}

function InvitationRow({ invitation, onRevoke }: { invitation: Invitation; onRevoke: Props['onRevoke'] }) {
  const { t, i18n } = useTranslation();
  const action = useAction();
  const who = invitation.email ?? t('invitations.byCode');
  const role = t(`roles.${invitation.role}`);
  return (
    <tr data-testid="invitation-row">
      <th scope="row" data-label={t('invitations.who')}>
        <span translate={invitation.email ? 'no' : undefined}>{who}</span>
        {invitation.sector ? <span className="member-email">{t(`sectors.${invitation.sector}`)}</span> : null}
      </th>
      <td data-label={t('invitations.role')}>{role}</td>
      <td data-label={t('invitations.status')}>
        <span className={`status status-${invitation.status}`} data-testid="invitation-status">
          {t(`invitationStatus.${invitation.status}`)}
        </span>
      </td>
      <td data-label={t('invitations.expires')}>{formatDate(invitation.expiresAt, i18n.language)}</td>
      <td data-label={t('invitations.actions')}>
        {invitation.status === 'pending' ? (
          <>
            <ConfirmButton
              label={t('invitations.revoke')}
              ariaLabel={t('invitations.revokeLabel', { who, role })}
              question={t('invitations.revokeQuestion')}
              confirmLabel={t('invitations.revokeConfirm')}
              disabled={action.pending}
              testId="invitation-revoke"
              onConfirm={() => action.run(() => onRevoke(invitation.id))}
            />
            <ErrorAlert error={action.error} />
          </>
        ) : (
          <>
            <span aria-hidden="true">—</span>
            <span className="visually-hidden">{t('invitations.noAction')}</span>
          </>
        )}
      </td>
    </tr>
  );
}
