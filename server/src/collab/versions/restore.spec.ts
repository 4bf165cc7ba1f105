import * as Y from 'yjs';
import type { RootKind } from '../protocol/update-check.js';
import { restoreRoots } from './restore.js';

const ROOTS: Record<string, RootKind> = { content: 'text', meta: 'map', items: 'array', body: 'xml' };

interface Content {
  content: unknown;
  meta: unknown;
  items: unknown;
  body: string;
}

function contentOf(d: Y.Doc): Content {
  return {
    content: d.getText('content').toDelta(),
    meta: d.getMap('meta').toJSON(),
    items: d.getArray('items').toJSON(),
    body: d.getXmlFragment('body').toString(),
  };
}

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

/** The server's restore: fn inside one transaction, the change returned as the update clients receive. */
function restoreAsUpdate(target: Y.Doc, source: Y.Doc, roots = ROOTS): Uint8Array {
  const before = Y.encodeStateVector(target);
  target.transact(() => restoreRoots(target, source, roots), 'server');
  return Y.encodeStateAsUpdate(target, before);
}

function versionOf(d: Y.Doc): Y.Doc {
  const v = new Y.Doc();
  Y.applyUpdate(v, Y.encodeStateAsUpdate(d));
  return v;
}

function stateVector(d: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(d));
}

/** A document with rich content in every kind of root, written by client `id`. */
function richDoc(id: number): Y.Doc {
  const d = new Y.Doc();
  d.clientID = id;
  d.transact(() => {
    const t = d.getText('content');
    t.insert(0, 'Hello brave new world');
    t.format(0, 5, { bold: true });
    t.format(6, 5, { italic: true, color: '#f00' });
    t.insertEmbed(t.length, { image: 'a.png' });
    t.insert(t.length, '!', { underline: true });
    const meta = d.getMap<unknown>('meta');
    meta.set('title', 'Version one');
    meta.set('count', 3);
    meta.set('tags', ['a', 'b']);
    const nested = new Y.Map<unknown>();
    meta.set('nested', nested);
    nested.set('deep', new Y.Array<number>());
    (nested.get('deep') as Y.Array<number>).push([1, 2]);
    const items = d.getArray<unknown>('items');
    items.push([1, 'two', { three: 3 }, null, true]);
    const sub = new Y.Array<unknown>();
    items.push([sub]);
    sub.push(['inner']);
    const subText = new Y.Text();
    items.push([subText]);
    subText.insert(0, 'typed', { bold: true });
    const body = d.getXmlFragment('body');
    const p = new Y.XmlElement('paragraph');
    p.setAttribute('align', 'center');
    const text = new Y.XmlText();
    p.insert(0, [text]);
    text.insert(0, 'Para one', { em: true });
    const h = new Y.XmlElement('heading');
    h.setAttribute('level', '2');
    h.insert(0, [new Y.XmlText('Title')]);
    body.insert(0, [h, p]);
  });
  return d;
}

/** Later edits that touch every root: change, delete, add, re-format. */
function editEverything(d: Y.Doc): void {
  d.transact(() => {
    const t = d.getText('content');
    t.delete(0, 6);
    t.insert(0, 'Goodbye ', { strike: true });
    t.format(0, t.length, { bold: null, italic: true });
    const meta = d.getMap<unknown>('meta');
    meta.set('title', 'Version two');
    meta.delete('count');
    meta.set('added', 'later');
    ((meta.get('nested') as Y.Map<unknown>).get('deep') as Y.Array<number>).push([99]);
    const items = d.getArray<unknown>('items');
    items.delete(0, 2);
    items.insert(1, ['inserted']);
    (items.get(items.length - 1) as Y.Text).insert(0, 'EDITED ');
    const body = d.getXmlFragment('body');
    (body.get(1) as Y.XmlElement).setAttribute('align', 'left');
    ((body.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'changed ');
    body.delete(0, 1);
    body.insert(1, [new Y.XmlElement('hr')]);
  });
}

describe('restoreRoots', () => {
  test('brings text (with formatting and embeds), map, array and xml back to the version, as a new change everyone can apply', () => {
    const server = richDoc(1);
    const version = versionOf(server);
    const expected = contentOf(version);
    expect(expected.content).toEqual([
      { insert: 'Hello', attributes: { bold: true } },
      { insert: ' ' },
      { insert: 'brave', attributes: { italic: true, color: '#f00' } },
      { insert: ' new world' },
      { insert: { image: 'a.png' } },
      { insert: '!', attributes: { underline: true } },
    ]);

    // a client who follows the document; then more edits from another client
    const client = new Y.Doc();
    client.clientID = 2;
    sync(server, client);
    const editor = new Y.Doc();
    editor.clientID = 3;
    sync(server, editor);
    editEverything(editor);
    sync(editor, server);
    sync(server, client);
    expect(contentOf(server)).not.toEqual(expected);
    const svBefore = stateVector(server);

    const update = restoreAsUpdate(server, version);
    expect(contentOf(server)).toEqual(expected);

    // history kept: nothing of what was there is rewritten, the restore only adds (the server's own client id)
    const svAfter = stateVector(server);
    for (const [clientId, clock] of svBefore) expect(svAfter.get(clientId)).toBeGreaterThanOrEqual(clock);
    const grown = [...svAfter].filter(([k, clock]) => clock !== (svBefore.get(k) ?? 0)).map(([k]) => k);
    expect(grown).toEqual([server.clientID]);

    // the client that had the old state applies the restore update and ends equal
    Y.applyUpdate(client, update);
    expect(client.store.pendingStructs).toBeNull();
    expect(client.store.pendingDs).toBeNull();
    expect(contentOf(client)).toEqual(expected);
    expect(Y.encodeStateAsUpdate(client)).toEqual(Y.encodeStateAsUpdate(server));
    // nested shared types really are shared types again, not plain JSON
    expect(client.getArray('items').get(client.getArray('items').length - 1)).toBeInstanceOf(Y.Text);
    expect((client.getMap('meta').get('nested') as Y.Map<unknown>).get('deep')).toBeInstanceOf(Y.Array);
    expect((client.getXmlFragment('body').get(1) as Y.XmlElement).getAttribute('align')).toBe('center');
    expect(((client.getXmlFragment('body').get(1) as Y.XmlElement).get(0) as Y.XmlText).toDelta()).toEqual([{ insert: 'Para one', attributes: { em: true } }]);
  });

  test('restoring the state from before the restore undoes it, for the server and for a client following along', () => {
    const server = richDoc(1);
    server.gc = false;
    const version = versionOf(server);
    editEverything(server);
    const beforeRestore = versionOf(server);
    const edited = contentOf(server);
    restoreAsUpdate(server, version);
    expect(contentOf(server)).toEqual(contentOf(version));
    // restore the restore: back to the edited content
    const client = new Y.Doc();
    sync(server, client);
    const undo = restoreAsUpdate(server, beforeRestore);
    expect(contentOf(server)).toEqual(edited);
    Y.applyUpdate(client, undo);
    expect(contentOf(client)).toEqual(edited);
  });

  test('a client that edited concurrently with the restore converges with the server', () => {
    const server = richDoc(1);
    const version = versionOf(server);
    editEverything(server);
    const client = new Y.Doc();
    client.clientID = 5;
    sync(server, client);
    client.getText('content').insert(0, 'concurrent ');
    client.getMap('meta').set('concurrent', true);
    const clientEdit = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    const restore = restoreAsUpdate(server, version);
    Y.applyUpdate(server, clientEdit);
    Y.applyUpdate(client, restore);
    expect(contentOf(client)).toEqual(contentOf(server));
    expect(client.getText('content').toString()).toContain('concurrent ');
    expect(client.getText('content').toString()).toContain('Hello brave new world');
  });

  test('formatting is exactly the version’s: no formatting of the current text leaks into the restored text', () => {
    // current text entirely bold (with open/close markers around everything), version plain
    const server = new Y.Doc();
    server.getText('content').insert(0, 'plain version text');
    const version = versionOf(server);
    const t = server.getText('content');
    t.format(0, t.length, { bold: true });
    t.insert(t.length, ' more bold', { bold: true, italic: true });
    t.insert(0, 'lead ', { italic: true });
    const client = new Y.Doc();
    sync(server, client);
    const update = restoreAsUpdate(server, version);
    expect(server.getText('content').toDelta()).toEqual([{ insert: 'plain version text' }]);
    Y.applyUpdate(client, update);
    expect(client.getText('content').toDelta()).toEqual([{ insert: 'plain version text' }]);
  });

  test('restoring an empty version empties every root; roots that are not declared are left alone', () => {
    const empty = new Y.Doc();
    const server = richDoc(1);
    server.getText('undeclared').insert(0, 'stays');
    const client = new Y.Doc();
    sync(server, client);
    const update = restoreAsUpdate(server, empty);
    expect(contentOf(server)).toEqual({ content: [], meta: {}, items: [], body: '' });
    expect(server.getText('undeclared').toString()).toBe('stays');
    Y.applyUpdate(client, update);
    expect(contentOf(client)).toEqual({ content: [], meta: {}, items: [], body: '' });
  });

  test('restoring the current state changes nothing visible', () => {
    const server = richDoc(1);
    const same = versionOf(server);
    const content = contentOf(server);
    const client = new Y.Doc();
    sync(server, client);
    Y.applyUpdate(client, restoreAsUpdate(server, same));
    expect(contentOf(server)).toEqual(content);
    expect(contentOf(client)).toEqual(content);
  });
});
