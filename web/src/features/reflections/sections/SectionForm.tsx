import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REFLECTION_LIMITS, SECTOR_IDS, type CreateSectionRequest, type Member, type ReflectionSection, type Sector } from '@relab/shared';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useAction } from '../../../lib/useAction.js';

interface Props {
  /** The section being changed; a new one when absent. */
  section?: ReflectionSection;
  /** Members who may be named (professionals other than me). */
  members: readonly Member[];
  onSubmit: (body: Required<CreateSectionRequest>) => Promise<unknown>;
  onCancel: () => void;
}

type Problem = 'titleRequired' | 'nobody' | null;

/** Title and readers (sectors and/or named members) of a need-to-know part. */
export function SectionForm({ section, members, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const prefix = section ? `section-edit-${section.id}` : 'section-new';
  const [title, setTitle] = useState(section?.title ?? '');
  const [sectors, setSectors] = useState<Sector[]>(section?.allowedSectors ?? []);
  const [userIds, setUserIds] = useState<string[]>(section?.allowedUserIds ?? []);
  const [problem, setProblem] = useState<Problem>(null);
  const action = useAction();

  const toggle = <T,>(list: T[], value: T, on: boolean) => (on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = title.trim();
    const found: Problem = trimmed === '' ? 'titleRequired' : sectors.length + userIds.length === 0 ? 'nobody' : null;
    setProblem(found);
    if (found) return;
    await action.run(() => onSubmit({ title: trimmed, allowedSectors: SECTOR_IDS.filter((s) => sectors.includes(s)), allowedUserIds: userIds }));
  }

  return (
    <form className="form section-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${prefix}-title`}>{t('reflections.sections.titleLabel')}</label>
        <span className="hint" id={`${prefix}-title-hint`}>
          {t('reflections.sections.titleHint')}
        </span>
        <input
          id={`${prefix}-title`}
          data-testid="section-title"
          autoComplete="off"
          value={title}
          maxLength={REFLECTION_LIMITS.sectionTitle}
          aria-describedby={`${prefix}-title-hint`}
          aria-invalid={problem === 'titleRequired' || undefined}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <fieldset className="field">
        <legend>{t('reflections.sections.sectors')}</legend>
        <p className="hint">{t('reflections.sections.sectorsHint')}</p>
        <div className="checkbox-grid">
          {SECTOR_IDS.map((sector) => (
            <label key={sector} className="checkbox">
              <input
                type="checkbox"
                data-testid={`section-sector-${sector}`}
                checked={sectors.includes(sector)}
                onChange={(e) => setSectors(toggle(sectors, sector, e.target.checked))}
              />
              {t(`reflections.sectorsPlural.${sector}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="field">
        <legend>{t('reflections.sections.members')}</legend>
        {members.length === 0 ? <p className="hint">{t('reflections.sections.noMembers')}</p> : null}
        <div className="checkbox-grid">
          {members.map((m) => (
            <label key={m.userId} className="checkbox" translate="no">
              <input
                type="checkbox"
                data-testid="section-member"
                data-user-id={m.userId}
                checked={userIds.includes(m.userId)}
                onChange={(e) => setUserIds(toggle(userIds, m.userId, e.target.checked))}
              />
              {m.displayName}
              {m.sector ? <span className="muted"> ({t(`sectors.${m.sector}`)})</span> : null}
            </label>
          ))}
        </div>
      </fieldset>
      {problem ? <ErrorAlert error={null} messageKey={`reflections.sections.${problem}`} /> : null}
      <ErrorAlert error={action.error} />
      <div className="button-row">
        <button type="submit" className="button" data-testid="section-submit" disabled={action.pending}>
          {section ? t('common.save') : t('reflections.sections.create')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
