import { useTranslation } from 'react-i18next';
import type { CreatedInvitation } from '@relab/shared';
import { CopyButton } from '../../components/CopyButton.js';
import { absoluteLink, formatDate } from '../../lib/format.js';

/**
 * The secret of a new invitation, shown once: for a participant the join code, big and easy to read aloud,
 * plus the link; for a professional the link to send by e-mail.
 */
export function CreatedInvitationNotice({ created }: { created: CreatedInvitation }) {
  const { t, i18n } = useTranslation();
  const link = absoluteLink(window.location.origin, created.link);
  const participant = created.invitation.kind === 'participant';
  const validUntil = formatDate(created.invitation.expiresAt, i18n.language);

  return (
    <div className="card created-invitation" role="status">
      {participant && created.code ? (
        <>
          <p>{t('invitations.createdParticipant')}</p>
          <p className="code-label">{t('invitations.codeLabel')}</p>
          <p className="code-display" data-testid="invite-code" translate="no">
            {created.code}
          </p>
          <CopyButton text={created.code} label={t('invitations.copyCode')} />
        </>
      ) : (
        <p>{t('invitations.createdProfessional', { email: created.invitation.email ?? '' })}</p>
      )}
      <p className="code-label">{t('invitations.linkLabel')}</p>
      <p className="link-display" data-testid={participant ? 'invite-participant-link' : 'invite-link'} translate="no">
        {link}
      </p>
      <CopyButton text={link} label={t('invitations.copyLink')} />
      <p className="muted">{t('invitations.validUntil', { date: validUntil })}</p>
      <p className="muted">{t('invitations.shownOnce')}</p>
    </div>
  );
}
