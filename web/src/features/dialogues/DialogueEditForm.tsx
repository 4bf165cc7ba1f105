import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DialogueDetail, UpdateDialogueRequest } from '@relab/shared';
import { FormActions } from '../../components/FormActions.js';
import { useAction } from '../../lib/useAction.js';
import { DialogueBasicsFields, useBasicsForm, useSuggestedRules } from './list/DialogueBasicsFields.js';
import { basicsPatch } from './list/dialogueBasics.js';

const PREFIX = 'dialogue-edit';

interface Props {
  dialogue: DialogueDetail;
  onUpdate: (patch: UpdateDialogueRequest) => Promise<unknown>;
  /** Closes the form; `saved` when something was saved. */
  onDone: (saved: boolean) => void;
}

/**
 * Facilitators change a dialogue's title, languages, ground rules and flag threshold. New ground rules make everyone
 * accept them again before writing (the server counts a new version); the form says so before saving.
 */
export function DialogueEditForm({ dialogue, onUpdate, onDone }: Props) {
  const { t } = useTranslation();
  const suggest = useSuggestedRules();
  const { basics, change, invalid, check } = useBasicsForm(PREFIX, () => ({
    title: dialogue.title,
    languages: [...dialogue.languages],
    rules: dialogue.groundRules,
    rulesEdited: true,
    flagThreshold: String(dialogue.flagThreshold),
  }));
  const save = useAction();
  const rulesChange = basics.rules.trim() !== dialogue.groundRules;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!check()) return;
    const patch = basicsPatch(dialogue, basics);
    if (Object.keys(patch).length === 0) return onDone(false);
    const done = await save.run(() => onUpdate(patch));
    if (done !== undefined) onDone(true);
  }

  return (
    <form className="form dlg-edit-form" onSubmit={submit} noValidate data-testid="dialogue-edit-form" aria-labelledby="dlg-edit-title">
      <h3 id="dlg-edit-title">{t('dialogues.edit.title')}</h3>
      <DialogueBasicsFields
        prefix={PREFIX}
        value={basics}
        onChange={change}
        suggest={suggest}
        invalid={invalid}
        autoFocus
        rulesNote={t('dialogues.edit.rulesNote')}
      />
      {rulesChange ? (
        <p className="alert alert-warning" role="status" data-testid="dialogue-edit-rules-warning">
          {t('dialogues.edit.rulesWarning')}
        </p>
      ) : null}
      <FormActions
        error={save.error}
        pending={save.pending}
        submitLabel={t('dialogues.edit.submit')}
        pendingLabel={t('dialogues.edit.saving')}
        submitTestId="dialogue-edit-submit"
        onCancel={() => onDone(false)}
      />
    </form>
  );
}

/** The side panel of a facilitator: the dialogue's settings, changed on demand. */
export function DialogueEditPanel({ dialogue, onUpdate }: Pick<Props, 'dialogue' | 'onUpdate'>) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const close = (didSave: boolean) => {
    setEditing(false);
    setSaved(didSave);
    requestAnimationFrame(() => openButton.current?.focus());
  };
  return (
    <section className="side-panel dlg-panel" aria-labelledby="dlg-settings-title">
      <h2 id="dlg-settings-title">{t('dialogues.edit.panel')}</h2>
      {editing ? (
        <DialogueEditForm dialogue={dialogue} onUpdate={onUpdate} onDone={close} />
      ) : (
        <>
          <p className="hint">{t('dialogues.edit.hint')}</p>
          <button
            type="button"
            ref={openButton}
            className="button button-secondary"
            data-testid="dialogue-edit"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('dialogues.edit.open')}
          </button>
          <p role="status" className="hint" data-testid="dialogue-edit-status">
            {saved ? t('dialogues.edit.saved') : ''}
          </p>
        </>
      )}
    </section>
  );
}
