import { describe, expect, it } from '@jest/globals';
import { LANGUAGES } from '../domain/languages.js';
import { BOARD_LIMITS, parseBoardSetting, parseShape, type Shape } from './model.js';
import { BOARD_TEMPLATES, boardTemplateShapes } from './templates.js';

const author = '0f8fad5b-d9cb-469f-a165-70867728950e';
const sticky: Shape = { id: 'abcdef12', type: 'sticky', x: 0, y: 0, z: 1, w: 160, h: 120, color: 'yellow', text: 'Buddy', authorId: author, createdAt: '2026-11-23T10:00:00.000Z', locked: false, frameId: null };

describe('the board schema', () => {
  it('accepts a valid shape under its own id only', () => {
    expect(parseShape('abcdef12', sticky)).toEqual(sticky);
    expect(parseShape('otherid1', sticky)).toBeNull();
  });

  it('refuses unknown types, missing or extra fields, invalid numbers, too much text', () => {
    const bad = [
      { ...sticky, type: 'star' },
      (({ color: _c, ...rest }) => rest)(sticky as Shape & { color: string }),
      { ...sticky, extra: 1 },
      { ...sticky, x: Number.NaN },
      { ...sticky, w: Number.POSITIVE_INFINITY },
      { ...sticky, y: BOARD_LIMITS.coordinate * 2 },
      { ...sticky, w: 0 },
      { ...sticky, text: 'x'.repeat(BOARD_LIMITS.text + 1) },
      { ...sticky, authorId: 'not-a-uuid' },
      { ...sticky, type: 'drawing', points: [1, 2, 3], color: 'blue', strokeWidth: 2, w: undefined },
    ];
    for (const v of bad) expect(parseShape('abcdef12', v)).toBeNull();
  });

  it('board settings: known keys with valid values only', () => {
    expect(parseBoardSetting('locked', true)).toEqual({ key: 'locked', value: true });
    expect(parseBoardSetting('timer', { endsAt: null, seconds: 300 })).not.toBeNull();
    expect(parseBoardSetting('timer', { endsAt: null, seconds: 1 })).toBeNull();
    expect(parseBoardSetting('colour', 'red')).toBeNull();
    expect(parseBoardSetting('__proto__', {})).toBeNull();
  });
});

describe('board templates', () => {
  it('every template in every language gives valid shapes with fresh ids', () => {
    for (const template of BOARD_TEMPLATES) {
      for (const language of LANGUAGES) {
        let n = 0;
        const shapes = boardTemplateShapes(template, language, author, () => `shape${String(n++).padStart(4, '0')}`);
        for (const s of shapes) expect(parseShape(s.id, s)).toEqual(s);
        expect(new Set(shapes.map((s) => s.id)).size).toBe(shapes.length);
      }
    }
  });

  it('the support-network map has the person in the centre and a label per life domain, in the board’s language', () => {
    const shapes = boardTemplateShapes('support_network', 'fr', author, (() => { let n = 0; return () => `s${String(n++).padStart(7, '0')}`; })());
    const texts = shapes.map((s) => ('text' in s ? s.text : ''));
    expect(texts).toContain('La personne');
    expect(texts).toContain('Logement');
    expect(texts).toContain('Suivi judiciaire');
    expect(boardTemplateShapes('blank', 'nl', author, () => 'x')).toEqual([]);
  });
});
