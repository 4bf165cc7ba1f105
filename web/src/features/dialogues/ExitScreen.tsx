import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useAction } from '../../lib/useAction.js';
import { dialoguesApi } from './api.js';

export type ExitKind = 'leave' | 'erase';

/** Where the list page finds what just happened, to say it kindly (router location state). */
export interface ExitNotice {
  dialogueExit: ExitKind;
  erased?: number;
}

interface Props {
  kind: ExitKind;
  labId: string;
  dialogueId: string;
  memberId: string;
  onDone: (notice: ExitNotice) => void;
  onCancel: () => void;
}

/**
 * One screen, one question: leave the dialogue, or erase my messages (and leave). It says plainly what will happen,
 * and offers a clear yes and a clear no.
 */
export function ExitScreen({ kind, labId, dialogueId, memberId, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const action = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function confirm() {
    if (kind === 'erase') {
      const result = await action.run(() => dialoguesApi.eraseMine(labId, dialogueId));
      if (result) onDone({ dialogueExit: 'erase', erased: result.erased });
    } else {
      const done = await action.run(() => dialoguesApi.removeParticipant(labId, dialogueId, memberId).then(() => true));
      if (done) onDone({ dialogueExit: 'leave' });
    }
  }

  const points = kind === 'erase' ? ['what1', 'what2', 'what3', 'what4'] : ['what1', 'what2', 'what3'];
  return (
    <section className="dlg-exit" aria-labelledby="dlg-exit-title" data-testid={`dialogue-${kind}-screen`}>
      <h1 id="dlg-exit-title" ref={heading} tabIndex={-1}>
        {t(`dialogues.${kind}.title`)}
      </h1>
      <p>{t(`dialogues.${kind}.intro`)}</p>
      <ul className="dlg-exit-points">
        {points.map((p) => (
          <li key={p}>{t(`dialogues.${kind}.${p}`)}</li>
        ))}
      </ul>
      <ErrorAlert error={action.error} />
      <div className="dlg-exit-buttons">
        <button type="button" className="button button-danger dlg-big-button" data-testid={`dialogue-${kind}-confirm`} disabled={action.pending} onClick={() => void confirm()}>
          {action.pending ? t(`dialogues.${kind}.working`) : t(`dialogues.${kind}.confirm`)}
        </button>
        <button type="button" className="button button-secondary dlg-big-button" data-testid={`dialogue-${kind}-cancel`} disabled={action.pending} onClick={onCancel}>
          {t(`dialogues.${kind}.cancel`)}
        </button>
      </div>
    </section>
  );
}
