import { describe, expect, test } from '@jest/globals';
import { DIALOGUE_LIMITS } from '@relab/shared';
import { basicsPatch, basicsProblem, flagThresholdOf, type DialogueBasics } from './dialogueBasics.js';

const dialogue = { title: 'Werk zoeken', groundRules: 'We luisteren naar elkaar.', languages: ['nl', 'fr'] as ('nl' | 'fr' | 'en')[], flagThreshold: 3 };
const form = (change: Partial<DialogueBasics> = {}): DialogueBasics => ({
  title: dialogue.title,
  languages: [...dialogue.languages],
  rules: dialogue.groundRules,
  rulesEdited: true,
  flagThreshold: '3',
  ...change,
});

describe('dialogue basics', () => {
  test('the first problem, in the order of the form', () => {
    expect(basicsProblem(form())).toBeNull();
    expect(basicsProblem(form({ title: ' a ', languages: [] }))).toBe('title');
    expect(basicsProblem(form({ languages: [], rules: '' }))).toBe('languages');
    expect(basicsProblem(form({ rules: '   ' }))).toBe('rules');
  });

  test('the flag threshold is a whole number inside its limits', () => {
    expect(flagThresholdOf(form({ flagThreshold: '5' }))).toBe(5);
    expect(flagThresholdOf(form({ flagThreshold: '0' }))).toBe(DIALOGUE_LIMITS.flagThreshold.default); // 0 is "not a number given"
    expect(flagThresholdOf(form({ flagThreshold: '100000' }))).toBe(DIALOGUE_LIMITS.flagThreshold.max);
    expect(flagThresholdOf(form({ flagThreshold: 'x' }))).toBe(DIALOGUE_LIMITS.flagThreshold.default);
  });

  test('the patch holds only what changed (trimmed); nothing changed is an empty patch', () => {
    expect(basicsPatch(dialogue, form())).toEqual({});
    expect(basicsPatch(dialogue, form({ title: ' Werk zoeken ', rules: 'We luisteren naar elkaar.\n' }))).toEqual({});
    expect(basicsPatch(dialogue, form({ title: 'Werk en wonen', flagThreshold: '4' }))).toEqual({ title: 'Werk en wonen', flagThreshold: 4 });
    expect(basicsPatch(dialogue, form({ rules: 'We luisteren. We spreken met respect.' }))).toEqual({ groundRules: 'We luisteren. We spreken met respect.' });
    expect(basicsPatch(dialogue, form({ languages: ['nl'] }))).toEqual({ languages: ['nl'] });
  });
});
