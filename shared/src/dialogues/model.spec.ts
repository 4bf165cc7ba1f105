import { describe, expect, it } from '@jest/globals';
import { createDialogueSchema, sendMessageSchema } from './api.js';
import { DEFAULT_WATCHED_WORDS, findWatchedWords, maskWatchedWords, strongestAction, type WatchedWord } from './model.js';

const words: WatchedWord[] = [
  { word: 'i will kill you', language: 'en', action: 'block' },
  { word: 'idiot', language: null, action: 'mask' },
  { word: 'mon adresse', language: 'fr', action: 'hold' },
];

describe('watched words', () => {
  it('match whole words, case- and accent-insensitively', () => {
    expect(findWatchedWords('Quel IDIOT.', 'fr', words).map((m) => m.word)).toEqual(['idiot']);
    expect(findWatchedWords('idiotie', 'fr', words)).toEqual([]);
    expect(findWatchedWords('Voici MON ADRÉSSE', 'fr', words).map((m) => m.action)).toEqual(['hold']);
  });

  it('match a phrase across any run of whitespace, so doubled spaces or line breaks do not slip past', () => {
    for (const body of ['I will  kill you', 'i will\nkill\t you', 'I\u00a0will kill you!']) {
      expect(strongestAction(findWatchedWords(body, 'en', words))).toBe('block');
    }
  });

  it('apply a word with a language only to messages in that language', () => {
    expect(findWatchedWords('mon adresse', 'nl', words)).toEqual([]);
  });

  it('mask with as many asterisks as the matched text, keeping everything else', () => {
    const body = 'Tu es un idiot, vraiment un Idiot';
    expect(maskWatchedWords(body, findWatchedWords(body, 'fr', words))).toBe('Tu es un *****, vraiment un *****');
  });

  it('rank block over hold over mask', () => {
    const body = 'idiot, i will kill you, mon adresse';
    expect(strongestAction(findWatchedWords(body, 'en', words))).toBe('block');
    expect(strongestAction(findWatchedWords('idiot, mon adresse', 'fr', words))).toBe('hold');
    expect(strongestAction([])).toBeNull();
  });

  it('every default word is found in a sentence that contains it', () => {
    for (const w of DEFAULT_WATCHED_WORDS) {
      expect(strongestAction(findWatchedWords(`Bon. ${w.word.toUpperCase()}!`, w.language ?? 'nl', [w]))).toBe(w.action);
    }
  });
});

describe('dialogue schemas', () => {
  const send = { clientId: '0f8fad5b-d9cb-469f-a165-70867728950e', body: 'Bonjour', language: 'fr' };
  it('refuse empty, blank, overlong and control-character bodies', () => {
    expect(sendMessageSchema.safeParse(send).success).toBe(true);
    for (const body of ['', '   ', 'x'.repeat(2001), 'a\u0000b', 'a\u0007b']) expect(sendMessageSchema.safeParse({ ...send, body }).success).toBe(false);
    expect(sendMessageSchema.safeParse({ ...send, body: 'line 1\nline 2\ttab' }).success).toBe(true);
  });

  it('refuse duplicate languages in a dialogue', () => {
    const base = { title: 'Ouders in gesprek', groundRules: 'Respect.', languages: ['nl', 'fr'] };
    expect(createDialogueSchema.safeParse(base).success).toBe(true);
    expect(createDialogueSchema.safeParse({ ...base, languages: ['nl', 'nl'] }).success).toBe(false);
  });
});
