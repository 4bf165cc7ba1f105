import { LANGUAGES, REFLECTION_LIMITS, type ReflectionTemplate } from '@relab/shared';

/** Whether a template can be saved: 1 to the maximum of sections, and every heading written in every language. */
export function isTemplateComplete(template: ReflectionTemplate): boolean {
  return (
    template.sections.length > 0 &&
    template.sections.length <= REFLECTION_LIMITS.templateSections &&
    template.sections.every((s) => LANGUAGES.every((l) => s.heading[l].trim() !== ''))
  );
}
