import { ErrorAlert } from '../../../components/ErrorAlert.js';
import type { FieldError } from '../plan.js';

interface Props {
  /** Also the test id; the hint is `${id}-hint`, the error `${id}-error`. */
  id: string;
  type: 'date' | 'time' | 'number' | 'url';
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  min?: number;
  max?: number;
  step?: number;
  error?: FieldError | null;
}

/** A labelled date, time, number or URL input with an optional hint and error (like TextField, for other types). */
export function InputField({ id, type, label, hint, value, onChange, min, max, step, error }: Props) {
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
        id={id}
        data-testid={id}
        type={type}
        inputMode={type === 'number' ? 'numeric' : type === 'url' ? 'url' : undefined}
        autoComplete="off"
        value={value}
        min={min}
        max={max}
        step={step}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? <ErrorAlert error={null} messageKey={error.key} values={error.values} id={`${id}-error`} /> : null}
    </div>
  );
}
