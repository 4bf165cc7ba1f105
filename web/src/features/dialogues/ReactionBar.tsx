import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REACTIONS, REACTION_EMOJI, type DialogueMessage, type Reaction } from '@relab/shared';

interface Props {
  message: DialogueMessage;
  disabled: boolean;
  onToggle: (reaction: Reaction, on: boolean) => void;
}

/**
 * Reactions of a message: those given so far (each a toggle, with its count), and a small picker of the five
 * reactions behind one "React" button, so a phone screen is not filled with emoji on every message.
 */
export function ReactionBar({ message, disabled, onToggle }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const pickerId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const mine = new Set(message.myReactions);
  const given = REACTIONS.filter((r) => (message.reactions[r] ?? 0) > 0 || mine.has(r));
  const name = (r: Reaction) => t(`dialogues.reactions.${r}`);

  function choose(r: Reaction) {
    onToggle(r, !mine.has(r));
    setOpen(false);
    toggleRef.current?.focus();
  }

  return (
    <div className="dlg-reactions">
      {given.length > 0 ? (
        <ul className="dlg-reaction-list" aria-label={t('dialogues.actions.reactionsGiven')}>
          {given.map((r) => {
            const count = message.reactions[r] ?? 0;
            return (
              <li key={r}>
                <button
                  type="button"
                  className="dlg-reaction"
                  data-testid="reaction"
                  data-reaction={r}
                  data-count={count}
                  aria-pressed={mine.has(r)}
                  aria-label={t('dialogues.actions.reactionCount', { name: name(r), count })}
                  disabled={disabled}
                  onClick={() => onToggle(r, !mine.has(r))}
                >
                  <span aria-hidden="true">{REACTION_EMOJI[r]}</span> {count}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <button
        type="button"
        ref={toggleRef}
        className="button button-secondary button-small"
        data-testid="react-toggle"
        aria-expanded={open}
        aria-controls={open ? pickerId : undefined}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
      >
        {t('dialogues.actions.react')}
      </button>
      {open ? (
        <div
          id={pickerId}
          className="dlg-reaction-picker"
          role="group"
          aria-label={t('dialogues.actions.reactionPicker')}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setOpen(false);
              toggleRef.current?.focus();
            }
          }}
        >
          {REACTIONS.map((r, i) => (
            <button
              key={r}
              type="button"
              className="dlg-reaction dlg-reaction-option"
              data-testid="reaction-option"
              data-reaction={r}
              aria-pressed={mine.has(r)}
              title={name(r)}
              autoFocus={i === 0}
              onClick={() => choose(r)}
            >
              <span aria-hidden="true">{REACTION_EMOJI[r]}</span>
              <span className="visually-hidden">{name(r)}</span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
