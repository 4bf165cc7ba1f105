import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DIALOGUE_LIMITS, type WatchedWord } from '@relab/shared';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { Loading } from '../../../components/Loading.js';
import { useAction } from '../../../lib/useAction.js';
import { useApiQuery } from '../../../lib/useApiQuery.js';
import { dialoguesApi } from '../api.js';
import { LANGUAGE_CHOICES, WATCHED_ACTIONS, changed, draftsFrom, emptyDraft, wordErrors, wordsFrom, type WordDraft, type WordError } from './watchedWords.js';

/**
 * Facilitators: the lab's watched words (GET/PUT /watched-words). A message with one of them is blocked, held for
 * a moderator, or shown with the word masked — in every dialogue of the lab, from the next message on.
 */
export function WatchedWordsEditor({ labId }: { labId: string }) {
  const { t } = useTranslation();
  const saved = useApiQuery<WatchedWord[]>(() => dialoguesApi.watchedWords(labId), [labId]);
  return (
    <div data-testid="watched-words">
      {saved.loading && !saved.data ? <Loading /> : null}
      <ErrorAlert error={saved.error} />
      {saved.data ? <WordsForm labId={labId} saved={saved.data} onSaved={saved.setData} /> : null}
      {saved.data === undefined && !saved.loading ? <p className="muted">{t('dialogues.words.unavailable')}</p> : null}
    </div>
  );
}

function WordsForm({ labId, saved, onSaved }: { labId: string; saved: WatchedWord[]; onSaved: (words: WatchedWord[]) => void }) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<WordDraft[]>(() => draftsFrom(saved));
  const [errors, setErrors] = useState<Record<string, WordError>>({});
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const save = useAction();
  const table = useRef<HTMLTableElement>(null);
  const dirty = changed(drafts, saved);
  const full = drafts.length >= DIALOGUE_LIMITS.watchedWordsPerLab;

  const update = (key: string, change: Partial<WordDraft>) => {
    setDrafts((list) => list.map((d) => (d.key === key ? { ...d, ...change } : d)));
    setSavedAt(null);
  };
  const add = () => {
    const row = emptyDraft();
    setDrafts((list) => [...list, row]);
    setSavedAt(null);
    requestAnimationFrame(() => document.getElementById(`watched-word-${row.key}`)?.focus());
  };
  const remove = (key: string, index: number) => {
    setDrafts((list) => list.filter((d) => d.key !== key));
    setErrors(({ [key]: _gone, ...rest }) => rest);
    setSavedAt(null);
    // the keyboard stays in the table: on the row that took its place, or on "add"
    requestAnimationFrame(() => {
      const inputs = table.current?.querySelectorAll<HTMLInputElement>('input[type="text"]');
      const next = inputs?.[Math.min(index, (inputs?.length ?? 1) - 1)];
      (next ?? document.getElementById('watched-word-add'))?.focus();
    });
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = wordErrors(drafts);
    setErrors(found);
    const first = drafts.find((d) => found[d.key]);
    if (first) {
      document.getElementById(`watched-word-${first.key}`)?.focus();
      return;
    }
    const result = await save.run(() => dialoguesApi.putWatchedWords(labId, wordsFrom(drafts)));
    if (result) {
      onSaved(result);
      setDrafts(draftsFrom(result));
      setSavedAt(Date.now());
    }
  }

  const errorValues = { min: DIALOGUE_LIMITS.watchedWord.min, max: DIALOGUE_LIMITS.watchedWord.max };

  return (
    <form onSubmit={submit} noValidate data-testid="watched-words-form">
      <p className="hint">{t('dialogues.words.intro')}</p>
      <ul className="hint dlg-words-actions">
        {WATCHED_ACTIONS.map((a) => (
          <li key={a}>
            <strong>{t(`dialogues.words.actions.${a}`)}</strong>: {t(`dialogues.words.actionHints.${a}`)}
          </li>
        ))}
      </ul>
      {Object.keys(errors).length > 0 ? <ErrorAlert error={null} messageKey="dialogues.words.errors.form" /> : null}
      {drafts.length === 0 ? (
        <p className="muted" data-testid="watched-words-empty">
          {t('dialogues.words.empty')}
        </p>
      ) : (
        <table className="stack-table dlg-words-table" ref={table}>
          <caption className="visually-hidden">{t('dialogues.words.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dialogues.words.word')}</th>
              <th scope="col">{t('dialogues.words.language')}</th>
              <th scope="col">{t('dialogues.words.action')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('dialogues.words.removeColumn')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {drafts.map((d, i) => {
              const error = errors[d.key];
              const n = i + 1;
              return (
                <tr key={d.key} data-testid="watched-word-row">
                  <td data-label={t('dialogues.words.word')}>
                    <input
                      type="text"
                      id={`watched-word-${d.key}`}
                      data-testid="watched-word-input"
                      aria-label={t('dialogues.words.wordOf', { n })}
                      value={d.word}
                      maxLength={DIALOGUE_LIMITS.watchedWord.max + 20}
                      autoComplete="off"
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `watched-word-${d.key}-error` : undefined}
                      onChange={(e) => update(d.key, { word: e.target.value })}
                    />
                    {error ? (
                      <ErrorAlert error={null} id={`watched-word-${d.key}-error`} messageKey={`dialogues.words.errors.${error}`} values={errorValues} />
                    ) : null}
                  </td>
                  <td data-label={t('dialogues.words.language')}>
                    <RowSelect
                      label={t('dialogues.words.languageOf', { n })}
                      testId="watched-word-language"
                      value={d.language}
                      options={LANGUAGE_CHOICES}
                      optionLabel={(l) => (l === '' ? t('dialogues.words.anyLanguage') : t(`languages.${l}`))}
                      onChange={(language) => update(d.key, { language })}
                    />
                  </td>
                  <td data-label={t('dialogues.words.action')}>
                    <RowSelect
                      label={t('dialogues.words.actionOf', { n })}
                      testId="watched-word-action"
                      value={d.action}
                      options={WATCHED_ACTIONS}
                      optionLabel={(a) => t(`dialogues.words.actions.${a}`)}
                      onChange={(action) => update(d.key, { action })}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      data-testid="watched-word-remove"
                      aria-label={t('dialogues.words.removeOf', { n, word: d.word.trim() || '…' })}
                      onClick={() => remove(d.key, i)}
                    >
                      {t('dialogues.words.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="hint" data-testid="watched-words-count">
        {t('dialogues.words.count', { count: drafts.length, max: DIALOGUE_LIMITS.watchedWordsPerLab })}
      </p>
      <ErrorAlert error={save.error} />
      <div className="button-row">
        <button type="button" id="watched-word-add" className="button button-secondary" data-testid="watched-word-add" onClick={add} disabled={full}>
          {t('dialogues.words.add')}
        </button>
        <button type="submit" className="button" data-testid="watched-words-save" disabled={save.pending || !dirty}>
          {save.pending ? t('dialogues.words.saving') : t('dialogues.words.save')}
        </button>
        {dirty ? (
          <button
            type="button"
            className="button button-secondary"
            data-testid="watched-words-undo"
            onClick={() => {
              setDrafts(draftsFrom(saved));
              setErrors({});
            }}
          >
            {t('dialogues.words.undo')}
          </button>
        ) : null}
      </div>
      <p role="status" className="hint" data-testid="watched-words-status">
        {savedAt !== null && !dirty ? t('dialogues.words.saved') : ''}
      </p>
    </form>
  );
}

/** A select inside a table row: named by its aria-label (the column header says the rest). */
function RowSelect<T extends string>(props: {
  label: string;
  testId: string;
  value: T;
  options: readonly T[];
  optionLabel: (value: T) => string;
  onChange: (value: T) => void;
}) {
  return (
    <select aria-label={props.label} data-testid={props.testId} value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
      {props.options.map((o) => (
        <option key={o} value={o}>
          {props.optionLabel(o)}
        </option>
      ))}
    </select>
  );
}
