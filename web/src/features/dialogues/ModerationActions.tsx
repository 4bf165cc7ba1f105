import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DIALOGUE_LIMITS, type DialogueMessage, type ModerateRequest } from '@relab/shared';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useAction } from '../../lib/useAction.js';

interface Props {
  message: DialogueMessage;
  /** Test-id prefix: `message` in the thread, `queue` in the moderators' queue. */
  prefix: 'message' | 'queue';
  /** In the queue, a message hidden by flags can also be kept hidden (reviewed). */
  flagged?: boolean;
  onModerate: (messageId: string, request: ModerateRequest) => Promise<DialogueMessage>;
}

/**
 * A moderator's buttons for one message: approve or reject (with a reason for the author) while it waits, approve
 * after all once rejected, hide, restore; in the queue, keep a message hidden by reports hidden (reviewed).
 */
export function ModerationActions({ message, prefix, flagged = false, onModerate }: Props) {
  const { t } = useTranslation();
  const action = useAction();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const rejectRef = useRef<HTMLButtonElement>(null);
  const fieldId = `${prefix}-reject-reason-${message.id}`;

  useEffect(() => {
    if (rejecting) reasonRef.current?.focus();
  }, [rejecting]);

  const run = (request: ModerateRequest) => action.run(() => onModerate(message.id, request));

  async function reject(event: FormEvent) {
    event.preventDefault();
    const text = reason.trim();
    if (!text) {
      setMissing(true);
      reasonRef.current?.focus();
      return;
    }
    setMissing(false);
    const done = await run({ action: 'reject', reason: text });
    if (done !== undefined) {
      setRejecting(false);
      setReason('');
    }
  }

  function cancel() {
    setRejecting(false);
    setMissing(false);
    requestAnimationFrame(() => rejectRef.current?.focus());
  }

  const author = message.author?.displayName ?? '';
  return (
    <div className="dlg-mod-actions" role="group" aria-label={t('dialogues.moderation.actionsFor', { name: author })}>
      {message.status === 'pending' && !rejecting ? (
        <div className="button-row">
          <button type="button" className="button button-small" data-testid={`${prefix}-approve`} disabled={action.pending} onClick={() => void run({ action: 'approve' })}>
            {t('dialogues.moderation.approve')}
          </button>
          <button
            type="button"
            ref={rejectRef}
            className="button button-danger-outline button-small"
            data-testid={`${prefix}-reject`}
            disabled={action.pending}
            onClick={() => setRejecting(true)}
          >
            {t('dialogues.moderation.reject')}
          </button>
        </div>
      ) : null}
      {rejecting ? (
        <form className="dlg-reject-form" onSubmit={reject} noValidate>
          <label htmlFor={fieldId}>{t('dialogues.moderation.rejectReason')}</label>
          <span className="hint" id={`${fieldId}-hint`}>
            {t('dialogues.moderation.rejectReasonHint')}
          </span>
          <textarea
            id={fieldId}
            ref={reasonRef}
            rows={2}
            data-testid="reject-reason"
            value={reason}
            maxLength={DIALOGUE_LIMITS.rejectReason.max}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? `${fieldId}-hint ${fieldId}-error` : `${fieldId}-hint`}
            onChange={(e) => setReason(e.target.value)}
          />
          {missing ? <ErrorAlert error={null} messageKey="dialogues.moderation.rejectReasonMissing" id={`${fieldId}-error`} /> : null}
          <div className="button-row">
            <button type="submit" className="button button-danger button-small" data-testid="reject-submit" disabled={action.pending}>
              {t('dialogues.moderation.rejectSubmit')}
            </button>
            <button type="button" className="button button-secondary button-small" data-testid="reject-cancel" onClick={cancel}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {message.status === 'rejected' ? (
        <button type="button" className="button button-secondary button-small" data-testid={`${prefix}-approve`} disabled={action.pending} onClick={() => void run({ action: 'approve' })}>
          {t('dialogues.moderation.approveAnyway')}
        </button>
      ) : null}
      {message.status === 'published' ? (
        <button type="button" className="button button-secondary button-small" data-testid={`${prefix}-hide`} disabled={action.pending} onClick={() => void run({ action: 'hide' })}>
          {t('dialogues.moderation.hide')}
        </button>
      ) : null}
      {message.status === 'hidden' ? (
        <div className="button-row">
          <button type="button" className="button button-small" data-testid={`${prefix}-restore`} disabled={action.pending} onClick={() => void run({ action: 'restore' })}>
            {t('dialogues.moderation.restore')}
          </button>
          {flagged ? (
            <button type="button" className="button button-secondary button-small" data-testid={`${prefix}-keep-hidden`} disabled={action.pending} onClick={() => void run({ action: 'hide' })}>
              {t('dialogues.moderation.keepHidden')}
            </button>
          ) : null}
        </div>
      ) : null}
      <ErrorAlert error={action.error} />
    </div>
  );
}
