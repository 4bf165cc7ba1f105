/** The board as an SVG document (pure: shapes in, text out), for the "Export as SVG" button. */
import type { Shape } from '@relab/shared';
import { drawOrder } from './BoardModel.js';
import { CONNECTOR_COLOR, OUTLINE_COLOR, STROKE_HEX, TEXT_COLOR, fillOf } from './colors.js';
import { connectorEnds, contentBounds, type Box } from './geometry.js';

/** Characters XML 1.0 does not allow at all (a pasted control character would make the file unreadable). */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text for an SVG text node or attribute value: escaped, without characters XML refuses. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const n = (v: number) => String(Math.round(v * 100) / 100);

/**
 * Splits a text into the lines that fit `width` (an estimate: SVG has no wrapping and we cannot measure here), at
 * most `maxLines` (the last one ends with "…" when text is left over).
 */
export function wrapText(text: string, width: number, fontSize: number, maxLines = Infinity): string[] {
  const perLine = Math.max(1, Math.floor(width / (fontSize * 0.55)));
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let rest = word;
      while (rest.length > perLine) {
        if (line) {
          lines.push(line);
          line = '';
        }
        lines.push(rest.slice(0, perLine));
        rest = rest.slice(perLine);
      }
      if (!line) line = rest;
      else if (line.length + 1 + rest.length <= perLine) line += ` ${rest}`;
      else {
        lines.push(line);
        line = rest;
      }
    }
    lines.push(line);
  }
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length > maxLines) {
    const kept = lines.slice(0, Math.max(1, maxLines));
    kept[kept.length - 1] = `${kept[kept.length - 1]!.replace(/.$/, '')}…`;
    return kept;
  }
  return lines;
}

const FONT = 'font-family="Arial, Helvetica, sans-serif"';

/** Lines of text in a box: from the top-left corner (notes), centred at the top (text) or in the middle (rectangles, ellipses). */
function textBlock(text: string, box: Box, fontSize: number, align: 'start' | 'middle', padding: number, vertical: 'top' | 'middle' = align === 'middle' ? 'middle' : 'top'): string {
  if (!text.trim()) return '';
  const lineHeight = fontSize * 1.25;
  const maxLines = Math.max(1, Math.floor((box.h - 2 * padding) / lineHeight));
  const lines = wrapText(text, box.w - 2 * padding, fontSize, maxLines);
  const x = align === 'middle' ? box.x + box.w / 2 : box.x + padding;
  const top = vertical === 'middle' ? box.y + box.h / 2 - (lines.length * lineHeight) / 2 : box.y + padding;
  const spans = lines.map((line, i) => `<tspan x="${n(x)}" y="${n(top + i * lineHeight + fontSize)}">${escapeXml(line)}</tspan>`).join('');
  return `<text ${FONT} font-size="${n(fontSize)}" fill="${TEXT_COLOR}" text-anchor="${align}">${spans}</text>`;
}

function shapeSvg(shape: Shape, byId: ReadonlyMap<string, Shape>): string {
  const id = `data-shape-id="${escapeXml(shape.id)}"`;
  switch (shape.type) {
    case 'sticky':
      return `<g ${id}><rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.w)}" height="${n(shape.h)}" rx="4" fill="${fillOf(shape.color)}" stroke="#c9b458" stroke-width="1"/>${textBlock(shape.text, shape, 16, 'start', 10)}</g>`;
    case 'text':
      return `<g ${id}>${textBlock(shape.text, { ...shape, h: Math.max(shape.h, shape.fontSize * 1.3) }, shape.fontSize, 'middle', 0, 'top')}</g>`;
    case 'rect':
      return `<g ${id}><rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.w)}" height="${n(shape.h)}" fill="${fillOf(shape.color)}" stroke="${OUTLINE_COLOR}" stroke-width="2"/>${textBlock(shape.text, shape, 16, 'middle', 8)}</g>`;
    case 'ellipse':
      return `<g ${id}><ellipse cx="${n(shape.x + shape.w / 2)}" cy="${n(shape.y + shape.h / 2)}" rx="${n(shape.w / 2)}" ry="${n(shape.h / 2)}" fill="${fillOf(shape.color)}" stroke="${OUTLINE_COLOR}" stroke-width="2"/>${textBlock(shape.text, { x: shape.x + shape.w * 0.15, y: shape.y + shape.h * 0.15, w: shape.w * 0.7, h: shape.h * 0.7 }, 16, 'middle', 0)}</g>`;
    case 'frame': {
      const title = shape.title.trim()
        ? `<text ${FONT} font-size="16" font-weight="bold" fill="${TEXT_COLOR}" x="${n(shape.x)}" y="${n(shape.y - 8)}">${escapeXml(wrapText(shape.title, shape.w, 16, 1)[0] ?? '')}</text>`
        : '';
      return `<g ${id}><rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.w)}" height="${n(shape.h)}" rx="6" fill="#ffffff" fill-opacity="0.6" stroke="${OUTLINE_COLOR}" stroke-width="2" stroke-dasharray="8 6"/>${title}</g>`;
    }
    case 'connector': {
      const from = byId.get(shape.from);
      const to = byId.get(shape.to);
      if (!from || !to) return '';
      const ends = connectorEnds(from, to);
      if (!ends) return '';
      const [a, b] = ends;
      const label = shape.label.trim()
        ? `<text ${FONT} font-size="14" fill="${TEXT_COLOR}" stroke="#ffffff" stroke-width="4" paint-order="stroke" text-anchor="middle" x="${n((a.x + b.x) / 2)}" y="${n((a.y + b.y) / 2 - 6)}">${escapeXml(shape.label)}</text>`
        : '';
      return `<g ${id}><line x1="${n(a.x)}" y1="${n(a.y)}" x2="${n(b.x)}" y2="${n(b.y)}" stroke="${CONNECTOR_COLOR}" stroke-width="2" marker-end="url(#relab-arrow)"/>${label}</g>`;
    }
    case 'drawing': {
      const pts: string[] = [];
      for (let i = 0; i + 1 < shape.points.length; i += 2) pts.push(`${n(shape.x + shape.points[i]!)},${n(shape.y + shape.points[i + 1]!)}`);
      return `<g ${id}><polyline points="${pts.join(' ')}" fill="none" stroke="${STROKE_HEX[shape.color]}" stroke-width="${n(shape.strokeWidth)}" stroke-linecap="round" stroke-linejoin="round"/></g>`;
    }
  }
}

/** The whole board (everything drawn, with a margin) as a standalone SVG document. */
export function boardToSvg(shapes: Iterable<Shape>, options: { title?: string; padding?: number } = {}): string {
  const list = [...shapes];
  const padding = options.padding ?? 40;
  const bounds = contentBounds(list) ?? { x: 0, y: 0, w: 400, h: 300 };
  // Connector labels may stick out a little above their line.
  const box = { x: bounds.x - padding, y: bounds.y - padding, w: bounds.w + 2 * padding, h: bounds.h + 2 * padding };
  const byId = new Map(list.map((s) => [s.id, s]));
  const body = drawOrder(list)
    .map((s) => shapeSvg(s, byId))
    .filter(Boolean)
    .join('\n');
  const title = options.title ? `<title>${escapeXml(options.title)}</title>\n` : '';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${n(box.x)} ${n(box.y)} ${n(box.w)} ${n(box.h)}" width="${n(box.w)}" height="${n(box.h)}">`,
    `${title}<defs><marker id="relab-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${CONNECTOR_COLOR}"/></marker></defs>`,
    `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.w)}" height="${n(box.h)}" fill="#ffffff"/>`,
    body,
    '</svg>',
    '',
  ].join('\n');
}
