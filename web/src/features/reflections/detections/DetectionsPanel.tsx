import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFLECTION_LIMITS } from '@relab/shared';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useAction } from '../../../lib/useAction.js';
import type { DetectionGroup } from '../editor/detections.js';

interface Props {
  groups: readonly DetectionGroup[];
  /** Whether the key is loaded (actions need it). */
  ready: boolean;
  dismissedCount: number;
  pseudonymCount: number;
  onReplace: (group: DetectionGroup) => Promise<string>;
  onDismiss: (group: DetectionGroup) => Promise<void>;
}

/** "Identifying details": what the editor highlights, one line per detail, with "replace" and "not identifying". */
export function DetectionsPanel({ groups, ready, dismissedCount, pseudonymCount, onReplace, onDismiss }: Props) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const action = useAction();
  const full = pseudonymCount >= REFLECTION_LIMITS.pseudonyms;
  const dismissFull = dismissedCount >= REFLECTION_LIMITS.dismissed;

  async function replace(group: DetectionGroup) {
    setNotice(null);
    const pseudonym = await action.run(() => onReplace(group));
    if (pseudonym) {
      setNotice(t('reflections.detections.replaced', { pseudonym, count: group.count }));
      headingRef.current?.focus();
    }
  }

  async function dismiss(group: DetectionGroup) {
    setNotice(null);
    const done = await action.run(async () => {
      await onDismiss(group);
      return true;
    });
    if (done) {
      setNotice(t('reflections.detections.dismissed'));
      headingRef.current?.focus();
    }
  }

  return (
    <section className="side-panel detections-panel" aria-labelledby="detections-title" data-testid="detections-panel" data-count={groups.length}>
      <h2 id="detections-title" ref={headingRef} tabIndex={-1}>
        {t('reflections.detections.title')}
        {groups.length > 0 ? <span className="badge badge-warning">{groups.length}</span> : null}
      </h2>
      <p className="muted">{t('reflections.detections.intro')}</p>
      <p className="notice-slot" role="status" aria-live="polite">
        {notice}
      </p>
      <ErrorAlert error={action.error} />
      {groups.length === 0 ? (
        <p className="detections-none" data-testid="detections-none">
          {t('reflections.detections.none')}
        </p>
      ) : (
        <ul className="detection-list">
          {groups.map((g) => (
            <li key={g.key} className={`detection-item detection-item-${g.kind}`} data-testid="detection-item" data-kind={g.kind}>
              <p className="detection-item-head">
                <span className="detection-kind">{t(`reflections.kinds.${g.kind}`)}</span>
                {g.confidence === 'likely' ? <span className="muted"> · {t('reflections.detections.likely')}</span> : null}
              </p>
              <p className="detection-texts" translate="no">
                {g.texts.map((text, i) => (
                  <span key={text}>
                    {i > 0 ? ', ' : ''}
                    <q>{text}</q>
                  </span>
                ))}
              </p>
              <p className="muted detection-count">{t('reflections.detections.count', { count: g.count })}</p>
              <div className="button-row">
                <button
                  type="button"
                  className="button button-small"
                  data-testid="detection-replace"
                  disabled={!ready || action.pending || full}
                  aria-label={t('reflections.detections.replaceLabel', { text: g.texts[0] })}
                  onClick={() => replace(g)}
                >
                  {t('reflections.detections.replace')}
                </button>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  data-testid="detection-dismiss"
                  disabled={!ready || action.pending || dismissFull}
                  aria-label={t('reflections.detections.dismissLabel', { text: g.texts[0] })}
                  onClick={() => dismiss(g)}
                >
                  {t('reflections.detections.dismiss')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p className="hint">{t('reflections.detections.notEverything')}</p>
    </section>
  );
}
