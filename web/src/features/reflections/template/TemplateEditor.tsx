import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_REFLECTION_TEMPLATE,
  LANGUAGES,
  LIFE_DOMAINS,
  REFLECTION_LIMITS,
  type LifeDomain,
  type ReflectionTemplate,
  type TemplateSection,
} from '@relab/shared';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { SelectField } from '../../../components/SelectField.js';
import { useAction } from '../../../lib/useAction.js';
import { reflectionsApi } from '../api.js';
import { domainLabel } from '../labels.js';
import { isTemplateComplete } from './templateRules.js';

const emptySection = (): TemplateSection => ({
  heading: { nl: '', fr: '', en: '' },
  prompt: { nl: '', fr: '', en: '' },
  lifeDomain: null,
});

/** The lab's template of new reflections: headings and prompts in the three languages (facilitators). */
export function TemplateEditor({ labId, initial }: { labId: string; initial: ReflectionTemplate }) {
  const { t, i18n } = useTranslation();
  const [sections, setSections] = useState<TemplateSection[]>(initial.sections);
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  useEffect(() => setSections(initial.sections), [initial]);

  const change = (index: number, next: TemplateSection) => setSections((all) => all.map((s, i) => (i === index ? next : s)));
  const move = (index: number, by: number) =>
    setSections((all) => {
      const to = index + by;
      if (to < 0 || to >= all.length) return all;
      const copy = [...all];
      [copy[index], copy[to]] = [copy[to], copy[index]];
      return copy;
    });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const template: ReflectionTemplate = { sections };
    if (!isTemplateComplete(template)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const done = await action.run(async () => {
      await reflectionsApi.putTemplate(labId, template);
      return true;
    });
    if (done) setSaved(true);
  }

  return (
    <form className="form template-form" onSubmit={submit} noValidate>
      <ol className="template-sections">
        {sections.map((section, index) => (
          <li key={index} data-testid="template-section">
            <fieldset className="field">
              <legend>{t('reflections.template.section', { number: index + 1 })}</legend>
              {LANGUAGES.map((l) => (
                <div className="field" key={`h-${l}`}>
                  <label htmlFor={`template-${index}-heading-${l}`}>{t('reflections.template.heading', { language: t(`languages.${l}`) })}</label>
                  <input
                    id={`template-${index}-heading-${l}`}
                    data-testid={`template-heading-${l}`}
                    value={section.heading[l]}
                    maxLength={REFLECTION_LIMITS.templateText}
                    aria-invalid={(invalid && section.heading[l].trim() === '') || undefined}
                    onChange={(e) => change(index, { ...section, heading: { ...section.heading, [l]: e.target.value } })}
                  />
                </div>
              ))}
              {LANGUAGES.map((l) => (
                <div className="field" key={`p-${l}`}>
                  <label htmlFor={`template-${index}-prompt-${l}`}>{t('reflections.template.prompt', { language: t(`languages.${l}`) })}</label>
                  <textarea
                    id={`template-${index}-prompt-${l}`}
                    data-testid={`template-prompt-${l}`}
                    rows={2}
                    value={section.prompt[l]}
                    maxLength={REFLECTION_LIMITS.templateText}
                    onChange={(e) => change(index, { ...section, prompt: { ...section.prompt, [l]: e.target.value } })}
                  />
                </div>
              ))}
              <SelectField
                id={`template-${index}-domain`}
                label={t('reflections.lifeDomain')}
                value={section.lifeDomain ?? ''}
                onChange={(value) => change(index, { ...section, lifeDomain: value ? (value as LifeDomain) : null })}
                options={LIFE_DOMAINS}
                optionLabel={(d) => domainLabel(d as LifeDomain, i18n.language)}
                emptyLabel={t('reflections.template.noDomain')}
                testId="template-domain"
              />
              <div className="button-row">
                <button type="button" className="button button-secondary button-small" disabled={index === 0} onClick={() => move(index, -1)}>
                  {t('reflections.template.up')}
                </button>
                <button type="button" className="button button-secondary button-small" disabled={index === sections.length - 1} onClick={() => move(index, 1)}>
                  {t('reflections.template.down')}
                </button>
                <button
                  type="button"
                  className="button button-danger-outline button-small"
                  disabled={sections.length <= 1}
                  onClick={() => setSections((all) => all.filter((_, i) => i !== index))}
                >
                  {t('reflections.template.remove')}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          data-testid="template-add"
          disabled={sections.length >= REFLECTION_LIMITS.templateSections}
          onClick={() => setSections((all) => [...all, emptySection()])}
        >
          {t('reflections.template.add')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setSections(DEFAULT_REFLECTION_TEMPLATE.sections)}>
          {t('reflections.template.reset')}
        </button>
      </div>
      {invalid ? <ErrorAlert error={null} messageKey="reflections.template.incomplete" /> : null}
      <ErrorAlert error={action.error} />
      <p className="notice-slot" role="status" aria-live="polite">
        {saved ? t('reflections.template.saved') : ''}
      </p>
      <button type="submit" className="button" data-testid="template-save" disabled={action.pending}>
        {action.pending ? t('common.saving') : t('reflections.template.save')}
      </button>
    </form>
  );
}
