import { describe, expect, test } from '@jest/globals';
import { contrastRatio, labelColors, parseHexColor } from './caretColors.js';

describe('caret label colours', () => {
  test('parses #rrggbb and #rgb, refuses anything else', () => {
    expect(parseHexColor('#1d4f91')).toEqual([0x1d, 0x4f, 0x91]);
    expect(parseHexColor('#fff')).toEqual([255, 255, 255]);
    expect(parseHexColor('red')).toBeNull();
    expect(parseHexColor('#12345')).toBeNull();
    expect(parseHexColor('url(x)')).toBeNull();
  });

  test.each(['#ffd400', '#1d4f91', '#e6194b', '#3cb44b', '#00bcd4', '#9c27b0', '#808080', '#000000', '#ffffff'])(
    'the label text on %s reaches at least 4.5:1 contrast',
    (color) => {
      const { text } = labelColors(color);
      expect(contrastRatio(parseHexColor(color)!, parseHexColor(text)!)).toBeGreaterThanOrEqual(4.5);
    },
  );

  test('a colour that is not a hex colour is replaced, never passed into the style', () => {
    expect(labelColors('javascript:alert(1)')).toEqual({ background: '#1d4f91', text: '#ffffff' });
  });
});
