import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LANGUAGES,
  LIMITS,
  PROFESSIONAL_ROLES,
  SECTOR_IDS,
  type CreateInvitationRequest,
  type CreatedInvitation,
  type ProfessionalRole,
  type Sector,
} from '@relab/shared';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { isLanguage } from '../../i18n/languages.js';
import { useAction } from '../../lib/useAction.js';
import { CreatedInvitationNotice } from './CreatedInvitationNotice.js';
import { SelectField } from '../../components/SelectField.js';

interface Props {
  onCreate: (body: CreateInvitationRequest) => Promise<CreatedInvitation>;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Invites a professional by e-mail address; the resulting link is shown to copy and send. */
export function InviteProfessionalForm({ onCreate }: Props) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<ProfessionalRole>('practitioner');
  const [sector, setSector] = useState('');
  const [language, setLanguage] = useState('');
  const [invalidEmail, setInvalidEmail] = useState(false);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const address = email.trim();
    const bad = !EMAIL_PATTERN.test(address);
    setInvalidEmail(bad);
    if (bad) return;
    setCreated(null);
    const result = await action.run(() =>
      onCreate({
        kind: 'professional',
        email: address,
        role,
        ...(sector ? { sector: sector as Sector } : {}),
        ...(isLanguage(language) ? { language } : {}),
      }),
    );
    if (result) {
      setCreated(result);
      setEmail('');
    }
  }

  return (
    <section className="card" aria-labelledby="invite-professional-title">
      <h3 id="invite-professional-title">{t('invitations.professionalTitle')}</h3>
      <p className="muted">{t('invitations.professionalIntro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="invite-email">{t('invitations.email')}</label>
          <input
            id="invite-email"
            data-testid="invite-email"
            type="email"
            inputMode="email"
            autoComplete="off"
            required
            maxLength={LIMITS.email}
            aria-invalid={invalidEmail || undefined}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <SelectField
          id="invite-role"
          label={t('invitations.role')}
          value={role}
          onChange={(v) => setRole(v as ProfessionalRole)}
          options={PROFESSIONAL_ROLES}
          optionLabel={(r) => t(`roles.${r}`)}
        />
        <SelectField
          id="invite-sector"
          label={t('invitations.sector')}
          value={sector}
          onChange={setSector}
          options={SECTOR_IDS}
          optionLabel={(v) => t(`sectors.${v}`)}
          emptyLabel={t('invitations.sectorNone')}
        />
        <SelectField
          id="invite-professional-language"
          label={t('invitations.language')}
          value={language}
          onChange={setLanguage}
          options={LANGUAGES}
          optionLabel={(l) => t(`languages.${l}`)}
          emptyLabel={t('invitations.languageAny')}
        />
        {invalidEmail ? <ErrorAlert error={null} messageKey="invitations.invalidEmail" /> : null}
        <ErrorAlert error={action.error} />
        <button type="submit" className="button" data-testid="invite-professional-submit" disabled={action.pending}>
          {action.pending ? t('invitations.creating') : t('invitations.createLink')}
        </button>
      </form>
      {created ? <CreatedInvitationNotice created={created} /> : null}
    </section>
  );
}
