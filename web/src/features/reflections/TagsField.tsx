import { useTranslation } from 'react-i18next';
import { REFLECTION_LIMITS } from '@relab/shared';

interface Props {
  /** Also the test id; the hint is `${id}-hint`. */
  id: string;
  value: string;
  onChange: (value: string) => void;
}

/** The comma-separated tags of a reflection, in the new and the edit form. */
export function TagsField({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t('reflections.tags')}</label>
      <span className="hint" id={`${id}-hint`}>
        {t('reflections.tagsHint', { max: REFLECTION_LIMITS.tags })}
      </span>
      <input id={id} data-testid={id} autoComplete="off" value={value} aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
