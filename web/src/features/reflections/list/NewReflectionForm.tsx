import { useState, type FormEvent } from 'react';
import { TextField } from '../../../components/TextField.js';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, REFLECTION_LIMITS, type Language, type LifeDomain } from '@relab/shared';
import { FormActions } from '../../../components/FormActions.js';
import { SelectField } from '../../../components/SelectField.js';
import { useAction } from '../../../lib/useAction.js';
import { reflectionsApi } from '../api.js';
import { DomainCheckboxes } from '../DomainCheckboxes.js';
import { TagsField } from '../TagsField.js';
import { asLanguage, parseTags } from '../labels.js';

/** Starts a reflection (a draft from the lab's template) and opens it. */
export function NewReflectionForm({ labId, onCancel }: { labId: string; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState<Language>(() => asLanguage(i18n.language));
  const [domains, setDomains] = useState<LifeDomain[]>([]);
  const [tags, setTags] = useState('');
  const [invalid, setInvalid] = useState(false);
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = title.trim();
    if (trimmed.length < REFLECTION_LIMITS.title.min) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const created = await action.run(() =>
      reflectionsApi.create(labId, { title: trimmed, language, lifeDomains: domains, tags: parseTags(tags) }),
    );
    if (created) navigate(`/labs/${encodeURIComponent(labId)}/reflections/${encodeURIComponent(created.id)}`);
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="new-reflection-title">
      <p className="hint">{t('reflections.new.intro')}</p>
      <TextField
        autoFocus
        id="reflection-new-title"
        label={t('reflections.titleLabel')}
        hint={t('reflections.titleHint')}
        value={title}
        maxLength={REFLECTION_LIMITS.title.max}
        onChange={setTitle}
        error={invalid ? { key: 'reflections.titleTooShort', values: { min: REFLECTION_LIMITS.title.min } } : null}
      />
      <SelectField
        id="reflection-new-language"
        label={t('reflections.new.language')}
        value={language}
        onChange={(value) => setLanguage(asLanguage(value))}
        options={LANGUAGES}
        optionLabel={(l) => t(`languages.${l}`)}
      />
      <DomainCheckboxes value={domains} onChange={setDomains} testIdPrefix="reflection-new-domain" />
      <TagsField id="reflection-new-tags" value={tags} onChange={setTags} />
      <FormActions error={action.error} pending={action.pending} submitLabel={t('reflections.new.submit')} pendingLabel={t('reflections.new.creating')} submitTestId="reflection-new-submit" onCancel={onCancel} />
    </form>
  );
}
