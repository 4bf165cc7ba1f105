interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly string[];
  /** Translated label of one option value. */
  optionLabel: (value: string) => string;
  /** When given, an empty first option with this label ("no preference"). */
  emptyLabel?: string;
  testId?: string;
}

/** A labelled select whose options are translated ids (roles, sectors, languages). */
export function SelectField({ id, label, value, onChange, options, optionLabel, emptyLabel, testId }: SelectFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} data-testid={testId ?? id} value={value} onChange={(e) => onChange(e.target.value)}>
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabel(o)}
          </option>
        ))}
      </select>
    </div>
  );
}
