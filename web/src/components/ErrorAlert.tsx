import { useTranslation } from 'react-i18next';
import { errorKey } from '../lib/api.js';

interface Props {
  error: unknown;
  /** Optional translation key used instead of the error's code (for client-side checks). */
  messageKey?: string;
  /** Interpolation values of `messageKey`. */
  values?: Record<string, string | number>;
  id?: string;
}

/** An error in the user's language, announced to screen readers. Renders nothing without an error. */
export function ErrorAlert({ error, messageKey, values, id }: Props) {
  const { t } = useTranslation();
  if (!error && !messageKey) return null;
  return (
    <p className="alert alert-error" role="alert" id={id}>
      {t(messageKey ?? errorKey(error), values ?? {})}
    </p>
  );
}
