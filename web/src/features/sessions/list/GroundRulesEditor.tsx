import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, SESSION_LIMITS, type GroundRules, type Language } from '@relab/shared';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { Loading } from '../../../components/Loading.js';
import { LANGUAGE_AUTONYMS } from '../../../i18n/languages.js';
import { formatDateTime } from '../../../lib/format.js';
import { useAction } from '../../../lib/useAction.js';
import { useApiQuery } from '../../../lib/useApiQuery.js';
import { sessionsApi } from '../api.js';

/**
 * Facilitators: the ground rules members accept before joining a session, in the three languages. Saving makes a
 * new version, and every member is asked to agree again.
 */
export function GroundRulesEditor({ labId }: { labId: string }) {
  const { t, i18n } = useTranslation();
  const rules = useApiQuery<GroundRules>(() => sessionsApi.groundRules(labId), [labId]);
  const [texts, setTexts] = useState<Record<Language, string> | null>(null);
  const [saved, setSaved] = useState(false);
  const [empty, setEmpty] = useState(false);
  const action = useAction();
  const current = rules.data;
  const shown = texts ?? current?.texts ?? null;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!shown) return;
    setSaved(false);
    const trimmed = Object.fromEntries(LANGUAGES.map((l) => [l, shown[l].trim()])) as Record<Language, string>;
    const missing = LANGUAGES.some((l) => trimmed[l] === '');
    setEmpty(missing);
    if (missing) return;
    const next = await action.run(() => sessionsApi.putGroundRules(labId, trimmed));
    if (next) {
      rules.setData(next);
      setTexts(null);
      setSaved(true);
    }
  }

  return (
    <details className="card ground-rules-editor" data-testid="ground-rules-editor">
      <summary data-testid="ground-rules-edit">{t('sessions.groundRules.editTitle')}</summary>
      <p className="hint">{t('sessions.groundRules.editHint')}</p>
      {rules.loading && !current ? <Loading /> : null}
      <ErrorAlert error={rules.error} />
      {current && shown ? (
        <form className="form" onSubmit={save} noValidate>
          <p className="muted" data-testid="ground-rules-version" data-version={current.version}>
            {t('sessions.groundRules.version', { version: current.version, date: formatDateTime(current.updatedAt, i18n.language) })}
          </p>
          {LANGUAGES.map((l) => (
            <div className="field" key={l}>
              <label htmlFor={`ground-rules-text-${l}`}>{LANGUAGE_AUTONYMS[l]}</label>
              <textarea
                id={`ground-rules-text-${l}`}
                data-testid={`ground-rules-text-${l}`}
                lang={l}
                rows={5}
                maxLength={SESSION_LIMITS.groundRules.max}
                value={shown[l]}
                aria-invalid={empty && shown[l].trim() === '' ? true : undefined}
                onChange={(e) => {
                  setSaved(false);
                  setTexts({ ...shown, [l]: e.target.value });
                }}
              />
            </div>
          ))}
          {empty ? <ErrorAlert error={null} messageKey="sessions.groundRules.allLanguages" /> : null}
          <ErrorAlert error={action.error} />
          {saved ? (
            <p className="alert alert-success" role="status" data-testid="ground-rules-saved">
              {t('sessions.groundRules.saved')}
            </p>
          ) : null}
          <button type="submit" className="button" data-testid="ground-rules-save" disabled={action.pending || texts === null}>
            {action.pending ? t('common.saving') : t('sessions.groundRules.save')}
          </button>
        </form>
      ) : null}
    </details>
  );
}
