import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REFLECTION_LIMITS } from '@relab/shared';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useAction } from '../../../lib/useAction.js';

interface Props {
  names: readonly string[];
  ready: boolean;
  onAdd: (name: string) => Promise<unknown>;
  onRemove: (index: number) => Promise<unknown>;
}

type Problem = 'tooShort' | 'duplicate' | 'full' | null;

/** Names RELAB looks for in this reflection (people, places, organisations). Kept in the author's key only. */
export function NamesEditor({ names, ready, onAdd, onRemove }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const action = useAction();

  async function add(event: FormEvent) {
    event.preventDefault();
    const name = value.replace(/\s+/g, ' ').trim();
    const found: Problem =
      name.length < 2
        ? 'tooShort'
        : names.some((n) => n.toLocaleLowerCase() === name.toLocaleLowerCase())
          ? 'duplicate'
          : names.length >= REFLECTION_LIMITS.names
            ? 'full'
            : null;
    setProblem(found);
    if (found) return;
    const done = await action.run(() => onAdd(name));
    if (done !== undefined) setValue('');
  }

  return (
    <section className="side-panel names-panel" aria-labelledby="names-title">
      <h3 id="names-title">{t('reflections.names.title')}</h3>
      <p className="hint" id="names-hint">
        {t('reflections.names.hint')}
      </p>
      <form className="names-form" onSubmit={add} noValidate>
        <label htmlFor="names-input" className="visually-hidden">
          {t('reflections.names.label')}
        </label>
        <input
          id="names-input"
          data-testid="names-input"
          value={value}
          maxLength={REFLECTION_LIMITS.name}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={problem ? 'names-hint names-error' : 'names-hint'}
          aria-invalid={problem !== null || undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" className="button button-small" data-testid="names-add" disabled={!ready || action.pending}>
          {t('reflections.names.add')}
        </button>
      </form>
      {problem ? <ErrorAlert error={null} messageKey={`reflections.names.${problem}`} values={{ max: REFLECTION_LIMITS.names }} id="names-error" /> : null}
      <ErrorAlert error={action.error} />
      {names.length > 0 ? (
        <ul className="names-list" data-testid="names-list" translate="no">
          {names.map((name, index) => (
            <li key={name}>
              <span>{name}</span>
              <button
                type="button"
                className="button button-secondary button-small"
                data-testid="names-remove"
                aria-label={t('reflections.names.removeLabel', { name })}
                disabled={!ready || action.pending}
                onClick={() => action.run(() => onRemove(index))}
              >
                {t('reflections.names.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('reflections.names.none')}</p>
      )}
    </section>
  );
}
