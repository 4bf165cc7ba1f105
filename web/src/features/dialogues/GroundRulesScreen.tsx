import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DialogueDetail } from '@relab/shared';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ApiError } from '../../lib/api.js';
import { useAction } from '../../lib/useAction.js';
import { dialoguesApi } from './api.js';

interface Props {
  labId: string;
  dialogue: DialogueDetail;
  onAccepted: (dialogue: DialogueDetail) => void;
  /** The rules changed while they were read: load them again. */
  onOutdated: () => void;
}

/** The ground rules before anything else: the text and one "I agree" (again when the rules changed). */
export function GroundRulesScreen({ labId, dialogue, onAccepted, onOutdated }: Props) {
  const { t } = useTranslation();
  const action = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  const changed = dialogue.me.consentedVersion !== null;

  useEffect(() => heading.current?.focus(), []);

  async function agree() {
    const updated = await action.run(async () => {
      try {
        return await dialoguesApi.consent(labId, dialogue.id, dialogue.groundRulesVersion);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'GROUND_RULES_OUTDATED') onOutdated();
        throw error;
      }
    });
    if (updated) onAccepted(updated);
  }

  return (
    <section className="dlg-consent" aria-labelledby="dlg-consent-title" data-testid="dialogue-consent">
      <p className="dlg-consent-dialogue">{dialogue.title}</p>
      <h1 id="dlg-consent-title" ref={heading} tabIndex={-1}>
        {changed ? t('dialogues.consent.titleChanged') : t('dialogues.consent.title')}
      </h1>
      <p>{changed ? t('dialogues.consent.introChanged') : t('dialogues.consent.intro')}</p>
      <div className="card ground-rules dlg-consent-text prewrap" data-testid="consent-text">
        {dialogue.groundRules}
      </div>
      <p>{t('dialogues.consent.promise')}</p>
      <ErrorAlert error={action.error} />
      <button type="button" className="button dlg-big-button" data-testid="consent-agree" disabled={action.pending} onClick={() => void agree()}>
        {action.pending ? t('dialogues.consent.agreeing') : t('dialogues.consent.agree')}
      </button>
    </section>
  );
}
