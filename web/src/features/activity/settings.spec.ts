import { describe, expect, test } from '@jest/globals';
import {
  DEFAULT_INTERACTION_WEIGHTS,
  activitySettingsUpdateSchema,
  stakeholderMapping,
  type ActivitySettings,
} from '@relab/shared';
import { changedKeys, draftErrors, draftFrom, parseNumber, updateFrom } from './settings.js';

const settings: ActivitySettings = {
  weights: { ...DEFAULT_INTERACTION_WEIGHTS },
  kAnonymity: 3,
  bondingRequiresSameLanguage: false,
  mapping: stakeholderMapping({ researcher: { group: 'research', tier: 3 } }),
  overridden: ['researcher'],
};

describe('the settings draft', () => {
  test('starts from the lab settings, weights as text', () => {
    const draft = draftFrom(settings);
    expect(draft.weights.dialogue_reply).toBe('3');
    expect(draft.weights.session_co_presence).toBe('0.5');
    expect(draft.kAnonymity).toBe('3');
    expect(draft.mapping.researcher).toEqual({ group: 'research', tier: 3 });
    expect(draft.mapping.family).toEqual({ group: 'family', tier: 1 });
  });

  test('a decimal comma is a decimal point', () => {
    expect(parseNumber('2,5')).toBe(2.5);
    expect(parseNumber('')).toBeNaN();
    expect(parseNumber('abc')).toBeNaN();
  });

  test('weights outside 0–10 and k outside 2–20 or not whole are errors', () => {
    const draft = draftFrom(settings);
    draft.weights.board_vote = '11';
    draft.weights.board_group = '-1';
    draft.weights.dialogue_mention = '';
    draft.kAnonymity = '2.5';
    expect(draftErrors(draft)).toEqual({ board_vote: 'weight', board_group: 'weight', dialogue_mention: 'weight', kAnonymity: 'k' });
    expect(draftErrors(draftFrom(settings))).toEqual({});
  });
});

describe('the PUT body', () => {
  test('is valid under the contract schema', () => {
    const draft = draftFrom(settings);
    draft.weights.board_vote = '1,5';
    draft.bondingRequiresSameLanguage = true;
    const body = updateFrom(draft);
    expect(activitySettingsUpdateSchema.safeParse(body).success).toBe(true);
    expect(body.weights?.board_vote).toBe(1.5);
    expect(body.bondingRequiresSameLanguage).toBe(true);
  });

  test('a key equal to the default goes back to the default (null); a changed key is sent', () => {
    const draft = draftFrom(settings);
    draft.mapping.researcher = { group: 'research', tier: 2 };
    draft.mapping.local_police = { group: 'police', tier: 2 };
    const body = updateFrom(draft);
    expect(body.mapping?.researcher).toBeNull();
    expect(body.mapping?.local_police).toEqual({ group: 'police', tier: 2 });
    expect(body.mapping?.family).toBeNull();
    expect(changedKeys(draft.mapping)).toEqual(['local_police']);
  });
});
