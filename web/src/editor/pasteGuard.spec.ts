import { describe, expect, test } from '@jest/globals';
import { Fragment, Slice } from '@tiptap/pm/model';
import { REFLECTION_LIMITS } from '@relab/shared';
import { p, schema } from '../features/reflections/editor/testSchema.js';
import { isPasteRefused, pastedLength } from './pasteGuard.js';

describe('the paste guard', () => {
  const max = REFLECTION_LIMITS.maxPasteChars;

  test('refuses more than the limit, accepts up to it', () => {
    expect(isPasteRefused(max, max)).toBe(false);
    expect(isPasteRefused(max + 1, max)).toBe(true);
    expect(isPasteRefused(10, 0)).toBe(false);
  });

  test('measures the longer of the plain text and the text to be inserted', () => {
    const slice = new Slice(Fragment.from([p('a'.repeat(30)), p('b'.repeat(30))]), 1, 1);
    expect(pastedLength('', slice)).toBe(61);
    expect(pastedLength('x'.repeat(100), slice)).toBe(100);
    expect(pastedLength(undefined, null)).toBe(0);
    expect(schema.nodes.paragraph).toBeDefined();
  });

  test('a paste of a long document is refused', () => {
    const big = 'Een lange tekst. '.repeat(2000);
    expect(isPasteRefused(pastedLength(big, null), max)).toBe(true);
  });
});
