import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LANGUAGES,
  PSEUDONYMOUS_ROLES,
  type CreateInvitationRequest,
  type CreatedInvitation,
  type PseudonymousRole,
} from '@relab/shared';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { isLanguage } from '../../i18n/languages.js';
import { useAction } from '../../lib/useAction.js';
import { CreatedInvitationNotice } from './CreatedInvitationNotice.js';
import { SelectField } from '../../components/SelectField.js';

interface Props {
  onCreate: (body: CreateInvitationRequest) => Promise<CreatedInvitation>;
  /** Heading and introduction in another context (e.g. an invitation straight into a dialogue). */
  title?: string;
  intro?: string;
}

/** Invites a family member or returnee with a short code: no e-mail address is ever asked. */
export function InviteParticipantForm({ onCreate, title, intro }: Props) {
  const { t } = useTranslation();
  const [role, setRole] = useState<PseudonymousRole>('family');
  const [language, setLanguage] = useState('');
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    const result = await action.run(() =>
      onCreate({ kind: 'participant', role, ...(isLanguage(language) ? { language } : {}) }),
    );
    if (result) setCreated(result);
  }

  return (
    <section className="card" aria-labelledby="invite-participant-title">
      <h3 id="invite-participant-title">{title ?? t('invitations.participantTitle')}</h3>
      <p className="muted">{intro ?? t('invitations.participantIntro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <SelectField
          id="invite-participant-role"
          label={t('invitations.role')}
          value={role}
          onChange={(v) => setRole(v as PseudonymousRole)}
          options={PSEUDONYMOUS_ROLES}
          optionLabel={(r) => t(`roles.${r}`)}
        />
        <SelectField
          id="invite-participant-language"
          label={t('invitations.language')}
          value={language}
          onChange={setLanguage}
          options={LANGUAGES}
          optionLabel={(l) => t(`languages.${l}`)}
          emptyLabel={t('invitations.languageAny')}
        />
        <ErrorAlert error={action.error} />
        <button type="submit" className="button" data-testid="invite-participant-submit" disabled={action.pending}>
          {action.pending ? t('invitations.creating') : t('invitations.createCode')}
        </button>
      </form>
      {created ? <CreatedInvitationNotice created={created} /> : null}
    </section>
  );
}
