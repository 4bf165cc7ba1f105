import { describe, expect, test } from '@jest/globals';
import { DEFAULT_REFLECTION_TEMPLATE, REFLECTION_LIMITS } from '@relab/shared';
import { isTemplateComplete } from './templateRules.js';

describe('the template editor', () => {
  test('the standard template can be saved', () => {
    expect(isTemplateComplete(DEFAULT_REFLECTION_TEMPLATE)).toBe(true);
  });
  test('a heading missing in one language, no sections, or too many are refused', () => {
    const [first] = DEFAULT_REFLECTION_TEMPLATE.sections;
    expect(isTemplateComplete({ sections: [{ ...first, heading: { ...first.heading, fr: ' ' } }] })).toBe(false);
    expect(isTemplateComplete({ sections: [] })).toBe(false);
    expect(isTemplateComplete({ sections: Array.from({ length: REFLECTION_LIMITS.templateSections + 1 }, () => first) })).toBe(false);
  });
});
