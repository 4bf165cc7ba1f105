import { useTranslation } from 'react-i18next';
import type { InvitationPreview } from '@relab/shared';
import { formatDate } from '../../lib/format.js';

/** "You are invited to <lab> as <role>, valid until <date>." */
export function InvitationSummary({ preview }: { preview: InvitationPreview }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="card invitation-summary" role="status">
      <p className="muted">{t('invitation.labIntro')}</p>
      <p className="lab-name" data-testid="invitation-lab-name">
        {preview.labName}
      </p>
      <p>{t('invitation.asRole', { role: t(`roles.${preview.role}`) })}</p>
      <p className="muted">{t('invitation.validUntil', { date: formatDate(preview.expiresAt, i18n.language) })}</p>
    </div>
  );
}
