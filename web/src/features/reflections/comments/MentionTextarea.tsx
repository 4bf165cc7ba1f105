import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REFLECTION_LIMITS } from '@relab/shared';
import { insertMention, mentionQueryAt, mentionSuggestions, type Mentionable } from './threads.js';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  members: readonly Mentionable[];
  testId: string;
  rows?: number;
  invalid?: boolean;
  errorId?: string;
}

/** A comment box: typing "@" and part of a name offers the lab's members (arrows and Enter, or a click). */
export function MentionTextarea({ id, label, value, onChange, members, testId, rows = 3, invalid, errorId }: Props) {
  const { t } = useTranslation();
  const listId = useId();
  const hintId = `${id}-hint`;
  const ref = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [closed, setClosed] = useState(false);

  const query = mentionQueryAt(value, caret);
  const suggestions = query && !closed ? mentionSuggestions(members, query.query) : [];
  const open = suggestions.length > 0;
  const activeIndex = Math.min(active, Math.max(0, suggestions.length - 1));

  function pick(member: Mentionable) {
    if (!query) return;
    const next = insertMention(value, query.start, caret, member.displayName);
    onChange(next.text);
    setCaret(next.caret);
    setActive(0);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(next.caret, next.caret);
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      pick(suggestions[activeIndex]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setClosed(true);
    }
  }

  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <div className="field mention-field">
      <label htmlFor={id}>{label}</label>
      <span className="hint" id={hintId}>
        {t('reflections.comments.mentionHint')}
      </span>
      <textarea
        id={id}
        ref={ref}
        data-testid={testId}
        rows={rows}
        maxLength={REFLECTION_LIMITS.commentBody}
        value={value}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(activeIndex) : undefined}
        aria-describedby={errorId && invalid ? `${hintId} ${errorId}` : hintId}
        aria-invalid={invalid || undefined}
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart ?? e.target.value.length);
          setClosed(false);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <ul className="mention-options" id={listId} role="listbox" aria-label={t('reflections.comments.mentionOptions')}>
          {suggestions.map((m, i) => (
            <li
              key={m.userId}
              id={optionId(i)}
              role="option"
              aria-selected={i === activeIndex}
              className={i === activeIndex ? 'mention-option mention-option-active' : 'mention-option'}
              data-testid="mention-option"
              translate="no"
              // Keep the focus (and the caret) in the text box.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(m)}
            >
              @{m.displayName}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {open ? t('reflections.comments.mentionCount', { count: suggestions.length }) : ''}
      </p>
    </div>
  );
}
