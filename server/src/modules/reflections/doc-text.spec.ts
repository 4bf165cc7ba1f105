import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { escapeMarkdown, textBlocks, toMarkdown } from './doc-text.js';

function tiptapDoc(): Y.Doc {
  const doc = new Y.Doc();
  const frag = doc.getXmlFragment('content');
  const h = new Y.XmlElement('heading');
  h.setAttribute('level', 2 as never);
  h.insert(0, [new Y.XmlText('Wonen')]);
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  p.insert(0, [t]);
  const list = new Y.XmlElement('bulletList');
  const item = new Y.XmlElement('listItem');
  const ip = new Y.XmlElement('paragraph');
  ip.insert(0, [new Y.XmlText('Persoon A zoekt een studio')]);
  item.insert(0, [ip]);
  list.insert(0, [item]);
  frag.insert(0, [h, p, list]);
  t.insert(0, 'Sinds de terugkeer ');
  t.insert(t.length, 'dringend', { bold: true });
  t.insert(t.length, ' een woning # nodig *', { bold: null });
  return doc;
}

describe('reading Tiptap documents on the server', () => {
  it('gives one block per text-holding element, with headings and lists', () => {
    const blocks = textBlocks(tiptapDoc().getXmlFragment('content'));
    expect(blocks.map((b) => [b.type, b.text, b.level, b.list])).toEqual([
      ['heading', 'Wonen', 2, null],
      ['paragraph', 'Sinds de terugkeer dringend een woning # nodig *', 0, null],
      ['paragraph', 'Persoon A zoekt een studio', 0, 'bullet'],
    ]);
  });

  it('writes Markdown with marks, and escapes what would be markup', () => {
    const md = toMarkdown(textBlocks(tiptapDoc().getXmlFragment('content')));
    expect(md).toContain('### Wonen');
    expect(md).toContain('Sinds de terugkeer **dringend** een woning # nodig \\*');
    expect(md).toContain('- Persoon A zoekt een studio');
    expect(escapeMarkdown('# kop\n- lijst <b>')).toBe('\\# kop  \n\\- lijst \\<b\\>');
  });
});
