import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Text of the first button, e.g. "Remove". */
  label: string;
  /** Accessible name of the first button when the label alone is ambiguous (e.g. "Remove Sara"). */
  ariaLabel?: string;
  /** The question asked before acting. */
  question: string;
  confirmLabel: string;
  onConfirm: () => unknown;
  disabled?: boolean;
  testId?: string;
}

/** A destructive action asked twice, inline (no browser dialog): the first click shows the question and two buttons. */
export function ConfirmButton({ label, ariaLabel, question, confirmLabel, onConfirm, disabled, testId }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  // Keyboard users land on the confirm button, and back on the first button after cancelling.
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) openerRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button
        type="button"
        ref={openerRef}
        className="button button-danger-outline"
        aria-label={ariaLabel}
        disabled={disabled}
        data-testid={testId}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button
        type="button"
        ref={confirmRef}
        className="button button-danger"
        disabled={disabled}
        data-testid={testId ? `${testId}-confirm` : undefined}
        onClick={async () => {
          await onConfirm();
          setAsking(false);
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}
