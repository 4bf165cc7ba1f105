import { ErrorAlert } from './ErrorAlert.js';

interface Props {
  /** Also the test id; the hint is `${id}-hint`, the error `${id}-error`. */
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
  autoFocus?: boolean;
  /** When set, the field is marked invalid and this message (a translation key and its values) is shown under it. */
  error?: { key: string; values?: Record<string, string | number> } | null;
}

/** A labelled text input with an optional hint and a client-side error, wired for screen readers. */
export function TextField({ id, label, hint, value, onChange, maxLength, autoFocus, error }: Props) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <input
        autoFocus={autoFocus}
        id={id}
        data-testid={id}
        autoComplete="off"
        value={value}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? <ErrorAlert error={null} messageKey={error.key} values={error.values} id={`${id}-error`} /> : null}
    </div>
  );
}
