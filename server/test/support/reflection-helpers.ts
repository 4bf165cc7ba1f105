import * as Y from 'yjs';
import type { ReflectionDetail } from '@relab/shared';
import type { Client, TestApp } from './test-app.js';
import { YClient } from './collab-client.js';

/** Appends a Tiptap-like paragraph (`<paragraph>` holding one text) to a document's `content`. */
export function addParagraph(doc: Y.Doc, text: string): void {
  const frag = doc.getXmlFragment('content');
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  frag.insert(frag.length, [p]);
}

/** Replaces every occurrence of `find` in the document's texts (what the editor's "replace with pseudonym" does). */
export function replaceEverywhere(doc: Y.Doc, find: string, by: string): number {
  let n = 0;
  doc.transact(() => {
    const visit = (node: Y.XmlElement | Y.XmlFragment) => {
      for (const child of node.toArray()) {
        if (child instanceof Y.XmlText) {
          let text = child.toString();
          let at = text.lastIndexOf(find);
          while (at >= 0) {
            child.delete(at, find.length);
            child.insert(at, by);
            n++;
            text = child.toString();
            at = at === 0 ? -1 : text.lastIndexOf(find, at - 1);
          }
        } else if (child instanceof Y.XmlElement) visit(child);
      }
    };
    visit(doc.getXmlFragment('content'));
  });
  return n;
}

export function plainText(doc: Y.Doc): string {
  const out: string[] = [];
  const visit = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) out.push(child.toString());
      else if (child instanceof Y.XmlElement) visit(child);
    }
  };
  visit(doc.getXmlFragment('content'));
  return out.join('\n');
}

export async function createReflection(author: Client, labId: string, body: Partial<{ title: string; language: 'nl' | 'fr' | 'en'; lifeDomains: string[]; tags: string[] }> = {}): Promise<ReflectionDetail> {
  const res = await author.post(`/api/labs/${labId}/reflections`, { title: 'Terugkeer en wonen', language: 'nl', lifeDomains: ['housing'], tags: ['terugkeer'], ...body });
  if (res.status !== 201) throw new Error(`create reflection: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ReflectionDetail;
}

/** Opens the reflection's document, adds paragraphs, waits until they are stored. */
export async function write(t: TestApp, who: Client, docName: string, ...paragraphs: string[]): Promise<YClient> {
  const c = await YClient.open(t.url, who.cookie, docName);
  if (!c.join.ok) throw new Error(`join ${docName}: ${JSON.stringify(c.join)}`);
  await c.synced;
  for (const p of paragraphs) addParagraph(c.doc, p);
  await c.settled();
  return c;
}
