import { useState, type FormEvent } from 'react';
import { TextField } from '../../../components/TextField.js';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BOARD_LIMITS, BOARD_TEMPLATES, LANGUAGES, type BoardTemplate, type Language } from '@relab/shared';
import { FormActions } from '../../../components/FormActions.js';
import { SelectField } from '../../../components/SelectField.js';
import { useAction } from '../../../lib/useAction.js';
import { asLanguage } from '../../reflections/labels.js';
import { boardsApi } from '../api.js';

/** Starts a board (blank or from a template, whose labels are in the chosen language) and opens it. */
export function NewBoardForm({ labId, onCancel }: { labId: string; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<BoardTemplate>('blank');
  const [language, setLanguage] = useState<Language>(() => asLanguage(i18n.language));
  const [invalid, setInvalid] = useState(false);
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = title.trim();
    if (trimmed.length < BOARD_LIMITS.title.min) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const created = await action.run(() => boardsApi.create(labId, { title: trimmed, template, language }));
    if (created) navigate(`/labs/${encodeURIComponent(labId)}/boards/${encodeURIComponent(created.id)}`);
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="new-board-title">
      <TextField
        autoFocus
        id="board-new-title"
        label={t('boards.new.titleLabel')}
        hint={t('boards.new.titleHint')}
        value={title}
        maxLength={BOARD_LIMITS.title.max}
        onChange={setTitle}
        error={invalid ? { key: 'boards.new.titleTooShort', values: { min: BOARD_LIMITS.title.min } } : null}
      />
      <SelectField
        id="board-new-template"
        label={t('boards.new.template')}
        value={template}
        onChange={(value) => setTemplate(value as BoardTemplate)}
        options={BOARD_TEMPLATES}
        optionLabel={(value) => t(`boards.templates.${value}`)}
      />
      <p className="hint">{t(`boards.templateHints.${template}`)}</p>
      <SelectField
        id="board-new-language"
        label={t('boards.new.language')}
        value={language}
        onChange={(value) => setLanguage(asLanguage(value))}
        options={LANGUAGES}
        optionLabel={(l) => t(`languages.${l}`)}
      />
      <FormActions error={action.error} pending={action.pending} submitLabel={t('boards.new.submit')} pendingLabel={t('boards.new.creating')} submitTestId="board-new-submit" onCancel={onCancel} />
    </form>
  );
}
