import { describe, expect, test } from '@jest/globals';
import type { Shape } from '@relab/shared';
import * as Y from 'yjs';
import { BoardModel } from './BoardModel.js';
import { boardToSvg, escapeXml, wrapText } from './svg.js';

const ANN = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

function board(): { m: BoardModel; shapes: () => readonly Shape[] } {
  const m = new BoardModel(new Y.Doc(), { authorId: ANN });
  return { m, shapes: () => m.shapes() };
}

describe('boardToSvg', () => {
  test('draws every kind of shape in one standalone document', () => {
    const { m, shapes } = board();
    const frame = m.addShape({ type: 'frame', x: -50, y: -50, w: 700, h: 500, title: 'Wat we hoorden' })!;
    const a = m.addShape({ type: 'sticky', x: 0, y: 0, text: 'Huisvesting', color: 'pink' })!;
    const b = m.addShape({ type: 'rect', x: 300, y: 0, text: 'OCMW' })!;
    m.addShape({ type: 'ellipse', x: 0, y: 200, text: 'Familie' });
    m.addShape({ type: 'text', x: 300, y: 200, text: 'Titel', fontSize: 24 });
    m.addShape({ type: 'connector', from: a.id, to: b.id, label: 'helpt' });
    m.addShape({ type: 'drawing', x: 10, y: 300, points: [0, 0, 10, 5, 20, 0], color: 'green' });
    const svg = boardToSvg(shapes(), { title: 'Bord' });

    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('<title>Bord</title>');
    for (const part of ['Wat we hoorden', 'Huisvesting', 'OCMW', 'Familie', 'Titel', 'helpt', '<ellipse', '<polyline', 'marker-end', 'fill="#ffc9de"']) {
      expect(svg).toContain(part);
    }
    // the frame is drawn first (behind), its title above it
    expect(svg.indexOf(`data-shape-id="${frame.id}"`)).toBeLessThan(svg.indexOf(`data-shape-id="${a.id}"`));
    // the view box holds everything with a margin (frame title line included)
    expect(svg).toMatch(/viewBox="-90 -118 780 608"/);
  });

  test('escapes text, so nobody can put markup or script in the file', () => {
    const { m, shapes } = board();
    m.addShape({ type: 'sticky', x: 0, y: 0, w: 900, text: '<script>alert("x")</script> & \'o\'' });
    m.addShape({ type: 'frame', x: 0, y: 300, title: '</text><image href="x"/>' });
    const svg = boardToSvg(shapes(), { title: '"><svg onload=alert(1)>' });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<image');
    expect(svg).not.toContain('<svg onload');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(svg).toContain('&amp;');
    expect(svg).toContain('&apos;o&apos;');
  });

  test('leaves out connectors whose shapes are gone, and characters XML does not allow', () => {
    const { m, shapes } = board();
    const a = m.addShape({ type: 'sticky', x: 0, y: 0, text: 'a\u0001b' })!;
    const b = m.addShape({ type: 'sticky', x: 400, y: 0 })!;
    const c = m.addShape({ type: 'connector', from: a.id, to: b.id })!;
    const withoutB = shapes().filter((s) => s.id !== b.id);
    const svg = boardToSvg(withoutB);
    expect(svg).not.toContain(`data-shape-id="${c.id}"`);
    expect(svg).toContain('>ab<');
  });

  test('an empty board is still a valid, small document', () => {
    const svg = boardToSvg([]);
    expect(svg).toContain('viewBox="-40 -40 480 380"');
    expect(svg).not.toContain('data-shape-id');
  });
});

describe('text helpers', () => {
  test('escapeXml escapes the five special characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });

  test('wrapText breaks at words, keeps paragraphs, cuts long words and stops at maxLines', () => {
    expect(wrapText('een twee drie vier', 60, 10)).toEqual(['een twee', 'drie vier']);
    expect(wrapText('a\nb', 100, 10)).toEqual(['a', 'b']);
    expect(wrapText('abcdefghijklmnop', 55, 10)).toEqual(['abcdefghij', 'klmnop']);
    expect(wrapText('een twee drie vier vijf zes', 60, 10, 2)).toEqual(['een twee', 'drie vie…']);
  });
});
