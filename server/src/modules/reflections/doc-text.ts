import * as Y from 'yjs';

/** One block of text (a paragraph, a heading, a list item's paragraph) of a Tiptap document, as plain text. */
export interface TextBlock {
  type: string;
  text: string;
  /** Heading level, list nesting: what Markdown needs. */
  level: number;
  list: 'bullet' | 'ordered' | null;
  depth: number;
  marks: Array<{ text: string; bold: boolean; italic: boolean }>;
}

const LIST_TYPES: Record<string, 'bullet' | 'ordered'> = { bulletList: 'bullet', orderedList: 'ordered' };

/**
 * Walks the Tiptap (y-prosemirror) XML of a document: every element holding text is a block. Used by the sharing
 * gate (detections run per block, as in the editor) and by the exports.
 */
export function textBlocks(fragment: Y.XmlFragment): TextBlock[] {
  const out: TextBlock[] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment, list: 'bullet' | 'ordered' | null, depth: number) => {
    let pieces: TextBlock['marks'] | null = null;
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        pieces ??= [];
        for (const op of child.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
          if (typeof op.insert !== 'string') continue;
          pieces.push({ text: op.insert, bold: Boolean(op.attributes?.bold), italic: Boolean(op.attributes?.italic) });
        }
      } else if (child instanceof Y.XmlElement) {
        if (child.nodeName === 'hardBreak') {
          pieces ??= [];
          pieces.push({ text: '\n', bold: false, italic: false });
          continue;
        }
        const nestedList = LIST_TYPES[child.nodeName];
        walk(child, nestedList ?? list, nestedList ? depth + 1 : depth);
      }
    }
    if (pieces && node instanceof Y.XmlElement) {
      const level = Number(node.getAttribute('level')) || 0;
      out.push({ type: node.nodeName, text: pieces.map((p) => p.text).join(''), level, list, depth, marks: pieces });
    }
  };
  walk(fragment, null, 0);
  return out;
}

export function blocksOfUpdate(state: Uint8Array, root = 'content'): TextBlock[] {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return textBlocks(doc.getXmlFragment(root));
  } finally {
    doc.destroy();
  }
}

/** Markdown of the blocks (headings, paragraphs, lists, bold, italic). Text is escaped so it cannot inject markup. */
export function toMarkdown(blocks: TextBlock[]): string {
  const lines: string[] = [];
  for (const b of blocks) {
    const inline = b.marks.map((m) => wrap(escapeMarkdown(m.text), m.bold, m.italic)).join('');
    if (b.type === 'heading') lines.push('', `${'#'.repeat(Math.min(6, Math.max(1, b.level) + 1))} ${inline}`, '');
    else if (b.list) lines.push(`${'  '.repeat(Math.max(0, b.depth - 1))}${b.list === 'bullet' ? '-' : '1.'} ${inline}`);
    else if (b.text.trim() === '') lines.push('');
    else lines.push('', inline, '');
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

function wrap(text: string, bold: boolean, italic: boolean): string {
  if (!text.trim()) return text;
  let t = text;
  if (italic) t = `*${t}*`;
  if (bold) t = `**${t}**`;
  return t;
}

export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .replace(/(^|\n)(\s*)(#|[-+]|\d+\.)(?=\s)/g, '$1$2\\$3')
    .replace(/\n/g, '  \n');
}
