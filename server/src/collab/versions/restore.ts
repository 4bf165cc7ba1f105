import * as Y from 'yjs';
import type { RootKind } from '../protocol/update-check.js';

type Value = unknown;

function clone(v: Value): Value {
  return v instanceof Y.AbstractType ? (v as unknown as { clone(): Value }).clone() : v;
}

/**
 * Makes `target` read like `source` for every declared root, as NEW operations on `target` (call it inside a
 * transaction): nothing of the history is rewritten, and the restore itself can be undone by restoring again.
 */
export function restoreRoots(target: Y.Doc, source: Y.Doc, roots: Record<string, RootKind>): void {
  for (const [name, kind] of Object.entries(roots)) {
    switch (kind) {
      case 'text': {
        const t = target.getText(name);
        const s = source.getText(name);
        if (t.length > 0) t.delete(0, t.length);
        t.applyDelta(s.toDelta());
        break;
      }
      case 'map': {
        const t = target.getMap(name);
        const s = source.getMap(name);
        for (const key of [...t.keys()]) if (!s.has(key)) t.delete(key);
        for (const [key, value] of s.entries()) t.set(key, clone(value));
        break;
      }
      case 'array': {
        const t = target.getArray(name);
        const s = source.getArray(name);
        if (t.length > 0) t.delete(0, t.length);
        t.insert(0, s.toArray().map(clone));
        break;
      }
      case 'xml': {
        const t = target.getXmlFragment(name);
        const s = source.getXmlFragment(name);
        if (t.length > 0) t.delete(0, t.length);
        t.insert(0, s.toArray().map((c) => c.clone()) as Array<Y.XmlElement | Y.XmlText>);
        break;
      }
    }
  }
}
