import { describe, expect, test } from '@jest/globals';
import { DEFAULT_REFLECTION_TEMPLATE } from '@relab/shared';
import { promptDecorations, promptsByHeading } from './templatePrompts.js';
import { doc, h2, p } from './testSchema.js';

describe('template prompts', () => {
  const prompts = promptsByHeading(DEFAULT_REFLECTION_TEMPLATE, 'en');

  test('each heading of the template has its prompt, in the language of the reflection', () => {
    expect(prompts.get('question for the lab')).toBe('What would you like the lab to think about?');
    expect(promptsByHeading(DEFAULT_REFLECTION_TEMPLATE, 'nl').get('vraag aan het lab')).toBe('Waarover wil je dat het lab meedenkt?');
  });

  test('only the empty paragraph right under a known heading gets a placeholder', () => {
    const d = doc(h2('Question for the lab'), p(), h2('Housing'), p('Written already'), h2('My own heading'), p(), p());
    const found = promptDecorations(d, prompts).find();
    expect(found).toHaveLength(1);
    expect(found[0].from).toBe(d.child(0).nodeSize);
  });
});
