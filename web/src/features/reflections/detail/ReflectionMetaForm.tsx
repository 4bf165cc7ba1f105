import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REFLECTION_LIMITS, type LifeDomain, type ReflectionDetail, type UpdateReflectionRequest } from '@relab/shared';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { FormActions } from '../../../components/FormActions.js';
import { useAction } from '../../../lib/useAction.js';
import { DomainCheckboxes } from '../DomainCheckboxes.js';
import { TagsField } from '../TagsField.js';
import { parseTags } from '../labels.js';

interface Props {
  detail: ReflectionDetail;
  /** Only the author changes the title. */
  canEditTitle: boolean;
  onSave: (patch: UpdateReflectionRequest) => Promise<unknown>;
  onCancel: () => void;
}

/** Title, life domains and tags of a reflection. */
export function ReflectionMetaForm({ detail, canEditTitle, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(detail.title);
  const [domains, setDomains] = useState<LifeDomain[]>(detail.lifeDomains);
  const [tags, setTags] = useState(detail.tags.join(', '));
  const [invalid, setInvalid] = useState(false);
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = title.trim();
    if (canEditTitle && trimmed.length < REFLECTION_LIMITS.title.min) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const patch: UpdateReflectionRequest = { lifeDomains: domains, tags: parseTags(tags) };
    if (canEditTitle && trimmed !== detail.title) patch.title = trimmed;
    await action.run(() => onSave(patch));
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      {canEditTitle ? (
        <div className="field">
          <label htmlFor="reflection-edit-title">{t('reflections.titleLabel')}</label>
          <span className="hint" id="reflection-edit-title-hint">
            {t('reflections.titleHint')}
          </span>
          <input
            id="reflection-edit-title"
            data-testid="reflection-edit-title"
            autoComplete="off"
            value={title}
            maxLength={REFLECTION_LIMITS.title.max}
            aria-invalid={invalid || undefined}
            aria-describedby="reflection-edit-title-hint"
            onChange={(e) => setTitle(e.target.value)}
          />
          {invalid ? <ErrorAlert error={null} messageKey="reflections.titleTooShort" values={{ min: REFLECTION_LIMITS.title.min }} /> : null}
        </div>
      ) : null}
      <DomainCheckboxes value={domains} onChange={setDomains} testIdPrefix="reflection-edit-domain" />
      <TagsField id="reflection-edit-tags" value={tags} onChange={setTags} />
      <FormActions error={action.error} pending={action.pending} submitLabel={t('common.save')} pendingLabel={t('common.saving')} submitTestId="reflection-edit-submit" onCancel={onCancel} />
    </form>
  );
}
