import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.js';

interface FormActionsProps {
  /** The error of the last submit, shown above the buttons (an ApiError is translated by its code). */
  error: unknown;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  submitTestId: string;
  onCancel: () => void;
}

/** The end of a form: what went wrong, then submit and cancel. */
export function FormActions({ error, pending, submitLabel, pendingLabel, submitTestId, onCancel }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={error} />
      <div className="button-row">
        <button type="submit" className="button" data-testid={submitTestId} disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}
