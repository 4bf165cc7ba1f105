import { describe, expect, test } from '@jest/globals';
import { DIALOGUE_LIMITS } from '@relab/shared';
import { changed, cleanWord, draftsFrom, emptyDraft, wordErrors, wordsFrom, type WordDraft } from './watchedWords.js';

const row = (word: string, language: WordDraft['language'] = '', action: WordDraft['action'] = 'hold'): WordDraft => ({ ...emptyDraft(), word, language, action });

describe('watched words draft', () => {
  test('round trip: the saved list comes back as rows and again as the same list', () => {
    const saved = [
      { word: 'mijn adres', language: 'nl' as const, action: 'hold' as const },
      { word: 'idiot', language: null, action: 'mask' as const },
    ];
    const drafts = draftsFrom(saved);
    expect(drafts.map((d) => d.language)).toEqual(['nl', '']);
    expect(new Set(drafts.map((d) => d.key)).size).toBe(2);
    expect(wordsFrom(drafts)).toEqual(saved);
    expect(changed(drafts, saved)).toBe(false);
    expect(changed(drafts.slice().reverse(), saved)).toBe(false);
    expect(changed([...drafts, row('klootzak', 'nl', 'mask')], saved)).toBe(true);
    expect(changed([{ ...drafts[0]!, action: 'block' }, drafts[1]!], saved)).toBe(true);
  });

  test('words are trimmed and their spaces collapsed', () => {
    expect(cleanWord('  mijn   adres ')).toBe('mijn adres');
    expect(wordsFrom([row('  mon   adresse ', 'fr', 'hold')])).toEqual([{ word: 'mon adresse', language: 'fr', action: 'hold' }]);
  });

  test('too short, too long and duplicates (case and accents aside, per language) are errors', () => {
    const short = row(' a ');
    const long = row('x'.repeat(DIALOGUE_LIMITS.watchedWord.max + 1));
    const first = row('Imbécile', 'fr');
    const again = row('imbecile', 'fr');
    const otherLanguage = row('imbecile', 'nl');
    const everywhere = row('imbecile', '');
    const errors = wordErrors([short, long, first, again, otherLanguage, everywhere]);
    expect(errors).toEqual({ [short.key]: 'short', [long.key]: 'long', [again.key]: 'duplicate' });
    expect(wordErrors([row('ok'), row('x'.repeat(DIALOGUE_LIMITS.watchedWord.max))])).toEqual({});
  });
});
