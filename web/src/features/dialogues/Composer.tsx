import { useId, useImperativeHandle, useRef, useState, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { DIALOGUE_LIMITS, LANGUAGES, type DialogueMessage, type Language } from '@relab/shared';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LANGUAGE_AUTONYMS, isLanguage } from '../../i18n/languages.js';
import { insertMention, mentionQueryAt, mentionSuggestions, type Mentionable } from '../reflections/comments/threads.js';
import { cleanBody, draftProblem, mentionedMemberIds, shortQuote } from './compose.js';
import type { OutboxEntry } from './outbox.js';
import type { Draft } from './useOutbox.js';

export interface ComposerHandle {
  focus: () => void;
  /** Takes back an unsent message to change it (added after what is being written, if anything). */
  load: (entry: OutboxEntry) => void;
}

interface Props {
  ref?: Ref<ComposerHandle>;
  targets: readonly Mentionable[];
  defaultLanguage: Language;
  replyTo: DialogueMessage | null;
  onCancelReply: () => void;
  /** My messages wait for a moderator (said once, plainly, above the box). */
  moderated: boolean;
  /** Paused for me: writing goes on, sending waits until the dialogue starts again. */
  paused: boolean;
  simple: boolean;
  onSend: (draft: Draft) => boolean;
}

/** The message box: text (with @mentions), my language, the message replied to, and Send (or Ctrl+Enter). */
export function Composer({ ref, targets, defaultLanguage, replyTo, onCancelReply, moderated, paused, simple, onSend }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [language, setLanguage] = useState<Language>(defaultLanguage);
  const [problem, setProblem] = useState<string | null>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [closed, setClosed] = useState(false);
  /** Members picked from the suggestions (they win over someone else with the same name). */
  const [picked, setPicked] = useState<string[]>([]);
  const area = useRef<HTMLTextAreaElement>(null);
  const listId = useId();

  useImperativeHandle(ref, () => ({
    focus: () => area.current?.focus(),
    load: (entry) => {
      setText((current) => (current.trim() ? `${current.trimEnd()}\n\n${entry.body}` : entry.body));
      setLanguage(entry.language);
      area.current?.focus();
    },
  }));

  const query = mentionQueryAt(text, caret);
  const suggestions = query && !closed ? mentionSuggestions(targets, query.query) : [];
  const open = suggestions.length > 0;
  const activeIndex = Math.min(active, Math.max(0, suggestions.length - 1));
  const optionId = (i: number) => `${listId}-option-${i}`;

  function pick(member: Mentionable) {
    if (!query) return;
    const next = insertMention(text, query.start, caret, member.displayName);
    setPicked((list) => [member.userId, ...list.filter((id) => id !== member.userId)]);
    setText(next.text);
    setCaret(next.caret);
    setActive(0);
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(next.caret, next.caret);
    });
  }

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (paused) return;
    const kind = draftProblem(text);
    if (kind) {
      setProblem(kind === 'empty' ? 'dialogues.composer.empty' : 'dialogues.composer.tooLong');
      area.current?.focus();
      return;
    }
    const body = cleanBody(text);
    const ok = onSend({ body, language, replyTo: replyTo?.id ?? null, mentions: mentionedMemberIds(body, targets, picked) });
    if (!ok) {
      setProblem('dialogues.composer.outboxFull');
      return;
    }
    setProblem(null);
    setText('');
    setCaret(0);
    setPicked([]);
    area.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setActive((activeIndex + (event.key === 'ArrowDown' ? 1 : -1) + suggestions.length) % suggestions.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        pick(suggestions[activeIndex]);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setClosed(true);
        return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && replyTo) {
      onCancelReply();
    }
  }

  const length = text.trim().length;
  const near = length > DIALOGUE_LIMITS.message.max * 0.8;
  return (
    <form className="dlg-composer" onSubmit={submit} noValidate aria-labelledby="dlg-composer-label" data-testid="composer">
      {moderated ? <p className="dlg-composer-note">{t('dialogues.composer.moderatedNote')}</p> : null}
      {replyTo ? (
        <div className="dlg-replying" data-testid="composer-reply">
          <p className="dlg-replying-text">
            {t('dialogues.composer.replyingTo', { name: replyTo.mine ? t('dialogues.thread.you') : (replyTo.author?.displayName ?? '') })}{' '}
            <span className="muted" lang={replyTo.language ?? undefined}>
              “{shortQuote(replyTo.body ?? '', 80)}”
            </span>
          </p>
          <button type="button" className="button button-secondary button-small" data-testid="composer-reply-cancel" onClick={onCancelReply}>
            {t('dialogues.composer.cancelReply')}
          </button>
        </div>
      ) : null}
      <div className="field mention-field">
        <label id="dlg-composer-label" htmlFor="dlg-composer-text">
          {simple ? t('dialogues.composer.labelSimple') : t('dialogues.composer.label')}
        </label>
        <span className="hint" id="dlg-composer-hint">
          {simple ? t('dialogues.composer.hintSimple') : t('dialogues.composer.hint')}
        </span>
        <textarea
          id="dlg-composer-text"
          ref={area}
          data-testid="composer-text"
          rows={simple ? 4 : 3}
          maxLength={DIALOGUE_LIMITS.message.max}
          value={text}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? optionId(activeIndex) : undefined}
          aria-describedby={problem ? 'dlg-composer-hint dlg-composer-count dlg-composer-error' : 'dlg-composer-hint dlg-composer-count'}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setCaret(e.target.selectionStart ?? e.target.value.length);
            setClosed(false);
            if (problem) setProblem(null);
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
          onKeyDown={onKeyDown}
        />
        {open ? (
          <ul className="mention-options" id={listId} role="listbox" aria-label={t('dialogues.composer.mentionOptions')}>
            {suggestions.map((m, i) => (
              <li
                key={m.userId}
                id={optionId(i)}
                role="option"
                aria-selected={i === activeIndex}
                className={i === activeIndex ? 'mention-option mention-option-active' : 'mention-option'}
                data-testid="mention-option"
                translate="no"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(m)}
              >
                @{m.displayName}
              </li>
            ))}
          </ul>
        ) : null}
        <span id="dlg-composer-count" className={near ? 'dlg-count dlg-count-near' : 'dlg-count'} data-testid="composer-count">
          {t('dialogues.composer.count', { length, max: DIALOGUE_LIMITS.message.max })}
        </span>
        <p className="visually-hidden" role="status" aria-live="polite">
          {open ? t('dialogues.composer.mentionCount', { count: suggestions.length }) : ''}
        </p>
      </div>
      {problem ? <ErrorAlert error={null} messageKey={problem} values={{ max: DIALOGUE_LIMITS.message.max }} id="dlg-composer-error" /> : null}
      <div className="dlg-composer-row">
        <div className="field dlg-composer-language">
          <label htmlFor="dlg-composer-language">{t('dialogues.composer.language')}</label>
          <select
            id="dlg-composer-language"
            data-testid="composer-language"
            value={language}
            onChange={(e) => isLanguage(e.target.value) && setLanguage(e.target.value)}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_AUTONYMS[l]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button dlg-send" data-testid="composer-send" disabled={paused} aria-describedby={paused ? 'dlg-composer-paused' : undefined}>
          {t('dialogues.composer.send')}
        </button>
      </div>
      {paused ? (
        <p className="dlg-composer-note" id="dlg-composer-paused" data-testid="composer-paused">
          {t('dialogues.composer.paused')}
        </p>
      ) : null}
    </form>
  );
}
