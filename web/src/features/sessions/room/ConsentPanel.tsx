import { useTranslation } from 'react-i18next';
import type { SessionDetail } from '@relab/shared';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { ApiError } from '../../../lib/api.js';
import { useAction } from '../../../lib/useAction.js';
import { asLanguage } from '../../reflections/labels.js';
import { sessionsApi } from '../api.js';

interface Props {
  session: SessionDetail;
  onAgreed: (detail: SessionDetail) => void;
  /** The rules changed while I was reading: fetch the session again (with the new text). */
  onOutdated: () => void;
}

/**
 * The lab's ground rules in my language, and one "I agree": asked once per version, before the live room opens.
 * The server stores the consent with its time and the version agreed to.
 */
export function ConsentPanel({ session, onAgreed, onOutdated }: Props) {
  const { t, i18n } = useTranslation();
  const action = useAction();
  const language = asLanguage(i18n.language);
  const text = session.groundRules.texts[language] || session.groundRules.texts.nl;
  const outdated = session.me.consentedVersion !== null;

  async function agree() {
    let code: string | null = null;
    const detail = await action.run(async () => {
      try {
        return await sessionsApi.consent(session.labId, session.id, session.groundRules.version);
      } catch (error) {
        code = error instanceof ApiError ? error.code : null;
        throw error;
      }
    });
    if (detail) onAgreed(detail);
    else if (code === 'GROUND_RULES_OUTDATED') onOutdated();
  }

  return (
    <section className="card ground-rules consent-panel" aria-labelledby="consent-title" data-testid="consent-panel">
      <h2 id="consent-title">{t('sessions.consent.title')}</h2>
      <p>{outdated ? t('sessions.consent.changed') : t('sessions.consent.intro')}</p>
      <blockquote className="consent-text prewrap" lang={language} data-testid="consent-text" data-version={session.groundRules.version}>
        {text}
      </blockquote>
      <ErrorAlert error={action.error} />
      <button type="button" className="button" data-testid="consent-agree" disabled={action.pending} onClick={agree}>
        {t('sessions.consent.agree')}
      </button>
      <p className="hint">{t('sessions.consent.note')}</p>
    </section>
  );
}
