/**
 * The web app's CollabProvider (web/src/collab) in Node against the real, built server: several users on the lab
 * notebook of the demo lab. IndexedDB is fake-indexeddb (the real y-indexeddb code runs on it).
 */
import 'fake-indexeddb/auto';
import type { CollabStatus, MessageAck } from '@relab/shared';
import * as Y from 'yjs';
import { CollabConnection } from '../../web/src/collab/CollabConnection.js';
import { CollabProvider } from '../../web/src/collab/CollabProvider.js';
import { localCopyName } from '../../web/src/collab/localCopy.js';
import { encodeUpdate, toWire } from '../../web/src/collab/messages.js';
import { DEMO, DEMO_LAB_NAME, call, login, sleep, until, type NodeSession } from '../support/api.js';
import { DEMO_PASSWORD, RelabProcess } from '../support/relab-server.js';

interface Opened {
  doc: Y.Doc;
  provider: CollabProvider;
  statuses: CollabStatus[];
}

/** Appends a paragraph to the notebook's XmlFragment, the way Tiptap stores one. */
function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('content').push([paragraph]);
}

const textOf = (doc: Y.Doc) => doc.getXmlFragment('content').toString();

describe('CollabProvider against the real server (lab notebook of the demo lab)', () => {
  let server: RelabProcess;
  let fien: NodeSession; // facilitator: write
  let jonas: NodeSession; // practitioner: write
  let yusuf: NodeSession; // practitioner: write
  let luc: NodeSession; // practitioner: write (his role is changed in one test)
  let olivia: NodeSession; // observer: read
  let labId = '';
  let docName = '';
  const opened: Opened[] = [];
  const connections: CollabConnection[] = [];

  /** A provider on its own connection (like a separate browser tab or device). */
  function open(session: NodeSession, options: { persistence?: boolean; url?: string; name?: string } = {}): Opened {
    const url = options.url ?? server.url;
    const connection = new CollabConnection({ url, extraHeaders: { cookie: session.cookie, origin: server.url } });
    connections.push(connection);
    const doc = new Y.Doc();
    const provider = new CollabProvider(options.name ?? docName, doc, {
      connection,
      userId: session.userId,
      persistence: options.persistence ?? false,
    });
    const entry: Opened = { doc, provider, statuses: [] };
    provider.on('status', (s) => entry.statuses.push(s));
    opened.push(entry);
    return entry;
  }

  const synced = (o: Opened, what = 'synced') => until(what, () => o.provider.synced && o.provider.status === 'saved');

  beforeAll(async () => {
    server = await RelabProcess.start();
    [fien, jonas, yusuf, luc, olivia] = await Promise.all(
      [DEMO.facilitator, DEMO.justiceAssistant, DEMO.imam, DEMO.police, DEMO.observer].map((email) => login(server.url, email, DEMO_PASSWORD)),
    );
    const labs = await call<Array<{ id: string; name: string }>>(server.url, fien, 'GET', '/api/labs');
    labId = labs.data.find((l) => l.name === DEMO_LAB_NAME)!.id;
    docName = `lab-notes:${labId}`;
  });

  afterEach(() => {
    opened.splice(0).forEach((o) => {
      o.provider.destroy();
      o.doc.destroy();
    });
    connections.splice(0).forEach((c) => c.close());
  });

  afterAll(async () => {
    CollabConnection.closeAll();
    await server?.stop();
  });

  test('joining tells the access and the user as the server knows them (name and colour)', async () => {
    const a = open(fien);
    const o = open(olivia);
    await synced(a);
    await synced(o);
    expect(a.provider.access).toBe('write');
    expect(a.provider.user).toMatchObject({ id: fien.userId, name: 'Fien Demo' });
    expect(a.provider.user!.color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(o.provider.access).toBe('read');
    // connecting until synced, then saved
    expect(a.statuses[a.statuses.length - 1]).toBe('saved');
    expect(a.statuses).not.toContain('error');
  });

  test('two writers converge: each sees the paragraphs of the other', async () => {
    const a = open(fien);
    const b = open(jonas);
    await synced(a);
    await synced(b);
    appendParagraph(a.doc, 'Agenda: terugkeer en werk');
    appendParagraph(b.doc, 'Punt van de justitieassistent');
    await until('both texts on both sides', () =>
      [a, b].every((o) => textOf(o.doc).includes('Agenda: terugkeer en werk') && textOf(o.doc).includes('Punt van de justitieassistent')),
    );
    expect(textOf(a.doc)).toBe(textOf(b.doc));
  });

  test('an edit goes saving → saved, and once saved a newcomer receives it from the server', async () => {
    const a = open(fien);
    await synced(a);
    a.statuses.length = 0;
    // several transactions in one tick travel as one merged, acknowledged update
    for (let i = 0; i < 5; i++) appendParagraph(a.doc, `regel ${i} van het verslag`);
    expect(a.provider.status).toBe('saving');
    await until('saved', () => a.provider.status === 'saved');
    expect(a.statuses).toEqual(['saving', 'saved']);
    const newcomer = open(yusuf);
    await synced(newcomer);
    expect(textOf(newcomer.doc)).toContain('regel 4 van het verslag');
  });

  test('edits made while disconnected are kept and reach the others after reconnecting', async () => {
    const a = open(fien);
    const b = open(jonas);
    await synced(a);
    await synced(b);
    a.provider.connection.disconnect();
    await until('offline', () => a.provider.status === 'offline');
    appendParagraph(a.doc, 'offline geschreven door Fien');
    appendParagraph(b.doc, 'ondertussen online door Jonas');
    await sleep(400);
    expect(textOf(b.doc)).not.toContain('offline geschreven door Fien');
    expect(a.provider.status).toBe('offline');
    a.provider.connection.connect();
    await until('both edits on both sides', () =>
      [a, b].every((o) => textOf(o.doc).includes('offline geschreven door Fien') && textOf(o.doc).includes('ondertussen online door Jonas')),
    );
    await until('saved after reconnect', () => a.provider.status === 'saved');
  });

  test('after a dropped connection socket.io reconnects by itself, re-joins and sends what was typed meanwhile', async () => {
    const a = open(fien);
    const b = open(jonas);
    await synced(a);
    await synced(b);
    // the transport dies (like a network drop), not a deliberate disconnect: socket.io retries on its own
    a.provider.connection.socket.io.engine.close();
    await until('offline', () => a.provider.status === 'offline');
    appendParagraph(a.doc, 'getypt tijdens de onderbreking');
    await until('edit arrived after automatic reconnect', () => textOf(b.doc).includes('getypt tijdens de onderbreking'), 15_000);
    await until('saved', () => a.provider.status === 'saved');
  });

  test('an observer (read access) cannot change the document', async () => {
    const writer = open(fien);
    const reader = open(olivia);
    await synced(writer);
    await synced(reader);
    appendParagraph(writer.doc, 'zichtbaar voor de waarnemer');
    await until('the observer reads the writer', () => textOf(reader.doc).includes('zichtbaar voor de waarnemer'));
    // the provider does not send the observer's local change
    appendParagraph(reader.doc, 'poging van de waarnemer');
    await sleep(500);
    expect(textOf(writer.doc)).not.toContain('poging van de waarnemer');
    expect(reader.provider.status).toBe('saved');
    // and the server refuses it when sent anyway, on the observer's own joined socket
    // (built on the writer's state, which the server has, so the only thing wrong with it is who sends it)
    const sneaky = new Y.Doc();
    Y.applyUpdate(sneaky, Y.encodeStateAsUpdate(writer.doc));
    const before = Y.encodeStateVector(sneaky);
    appendParagraph(sneaky, 'rechtstreeks verstuurd door de waarnemer');
    const update = Y.encodeStateAsUpdate(sneaky, before);
    const ack = (await reader.provider.connection.socket
      .timeout(5000)
      .emitWithAck('msg', docName, toWire(encodeUpdate(update)))) as MessageAck;
    expect(ack).toEqual({ ok: false, code: 'READ_ONLY' });
    const fresh = open(yusuf);
    await synced(fresh);
    expect(textOf(fresh.doc)).not.toContain('rechtstreeks verstuurd door de waarnemer');
    expect(textOf(fresh.doc)).not.toContain('poging van de waarnemer');
  });

  test('presence: the server puts its own user on awareness states, whatever the client claims', async () => {
    const a = open(fien);
    const b = open(jonas);
    await synced(a);
    await synced(b);
    a.provider.awareness.setLocalState({ user: { name: 'Iemand anders', color: '#000000' }, cursor: { anchor: 1 } });
    await until('b sees a', () => [...b.provider.awareness.getStates().values()].some((s) => (s as { cursor?: unknown }).cursor));
    const seen = [...b.provider.awareness.getStates().entries()].find(([id]) => id === a.doc.clientID)?.[1] as {
      user: { id: string; name: string; color: string };
    };
    expect(seen.user).toEqual({ id: fien.userId, name: 'Fien Demo', color: a.provider.user!.color });
    // leaving removes the caret at once for the others
    a.provider.destroy();
    await until('a gone from b', () => !b.provider.awareness.getStates().has(a.doc.clientID));
  });

  test('a change of role while the notebook is open: practitioner → observer makes it read-only, and back', async () => {
    const members = await call<Array<{ id: string; userId?: string; displayName: string }>>(server.url, fien, 'GET', `/api/labs/${labId}/members`);
    const lucMember = members.data.find((m) => m.displayName === 'Luc Testpersoon')!;
    const l = open(luc);
    const f = open(fien);
    await synced(l);
    await synced(f);
    expect(l.provider.access).toBe('write');
    try {
      const down = await call(server.url, fien, 'PATCH', `/api/labs/${labId}/members/${lucMember.id}`, { role: 'observer' });
      expect(down.status).toBe(200);
      await until('luc is read-only', () => l.provider.access === 'read');
      appendParagraph(l.doc, 'na de rolwijziging');
      await sleep(400);
      expect(textOf(f.doc)).not.toContain('na de rolwijziging');
    } finally {
      await call(server.url, fien, 'PATCH', `/api/labs/${labId}/members/${lucMember.id}`, { role: 'practitioner' });
    }
    await until('luc can write again', () => l.provider.access === 'write');
    appendParagraph(l.doc, 'weer schrijver');
    await until('the new edit reaches fien', () => textOf(f.doc).includes('weer schrijver'));
    await until('saved', () => l.provider.status === 'saved');
  });

  test('a lab one is not a member of: the join is refused and the status is error DOC_NOT_FOUND', async () => {
    const created = await call<{ id: string }>(server.url, fien, 'POST', '/api/labs', { name: 'Ander lab (fictief, e2e)', languages: ['nl'] });
    expect(created.status).toBe(201);
    const j = open(jonas, { name: `lab-notes:${created.data.id}` });
    await until('error', () => j.provider.status === 'error');
    expect(j.provider.error).toBe('DOC_NOT_FOUND');
    expect(j.provider.synced).toBe(false);
  });

  test('a connection without a valid session is refused: status error UNAUTHENTICATED', async () => {
    const forged: NodeSession = { ...fien, cookie: 'relab_sid=not-a-real-session-token' };
    const f = open(forged);
    await until('error', () => f.provider.status === 'error');
    expect(f.provider.error).toBe('UNAUTHENTICATED');
    expect(f.provider.synced).toBe(false);
  });

  describe('the copy on this device (IndexedDB)', () => {
    test('edits made offline survive closing the page and are sent by the next page', async () => {
      const first = open(fien, { persistence: true });
      const other = open(jonas);
      await synced(first);
      await synced(other);
      await first.provider.whenLocalLoaded();
      first.provider.connection.disconnect();
      await until('offline', () => first.provider.status === 'offline');
      appendParagraph(first.doc, 'alleen op dit toestel bewaard');
      await sleep(300); // y-indexeddb writes each update in its own transaction
      // the page is closed before the connection came back
      first.provider.destroy();
      first.doc.destroy();
      const second = open(fien, { persistence: true });
      await second.provider.whenLocalLoaded();
      expect(textOf(second.doc)).toContain('alleen op dit toestel bewaard');
      await until('reached the other user', () => textOf(other.doc).includes('alleen op dit toestel bewaard'));
      await until('saved', () => second.provider.status === 'saved');
    });

    test('each account has its own copy, and clearLocal removes it', async () => {
      const nowhere = 'http://127.0.0.1:9'; // no server: only the local copies can fill the docs
      const writer = open(yusuf, { persistence: true, url: nowhere });
      await writer.provider.whenLocalLoaded();
      appendParagraph(writer.doc, 'notitie van Yusuf op een gedeeld toestel');
      await sleep(300);
      const names = (await indexedDB.databases()).map((d) => d.name);
      expect(names).toContain(localCopyName(yusuf.userId, docName));
      // another account on the same device does not get it
      const otherAccount = open(jonas, { persistence: true, url: nowhere });
      await otherAccount.provider.whenLocalLoaded();
      expect(textOf(otherAccount.doc)).not.toContain('notitie van Yusuf');
      // the same account does, until it clears its copy (as at logout)
      const again = open(yusuf, { persistence: true, url: nowhere });
      await again.provider.whenLocalLoaded();
      expect(textOf(again.doc)).toContain('notitie van Yusuf op een gedeeld toestel');
      writer.provider.destroy();
      await again.provider.clearLocal();
      const afterClear = open(yusuf, { persistence: true, url: nowhere });
      await afterClear.provider.whenLocalLoaded();
      expect(textOf(afterClear.doc)).toBe('');
      expect(afterClear.provider.status).toBe('offline');
    });
  });
  // it removes a demo member: keep it after every test that uses Luc
  test('removing a member while the notebook is open revokes it live: status error ACCESS_REVOKED, no more sending', async () => {
    const members = await call<Array<{ id: string; displayName: string }>>(server.url, fien, 'GET', `/api/labs/${labId}/members`);
    const lucMember = members.data.find((m) => m.displayName === 'Luc Testpersoon')!;
    const l = open(luc);
    const f = open(fien);
    await synced(l);
    await synced(f);
    const removed = await call(server.url, fien, 'DELETE', `/api/labs/${labId}/members/${lucMember.id}`);
    expect(removed.status).toBe(204);
    await until('revoked', () => l.provider.status === 'error');
    expect(l.provider.access).toBe('none');
    expect(l.provider.error).toBe('ACCESS_REVOKED');
    appendParagraph(l.doc, 'na het verwijderen');
    await sleep(400);
    expect(textOf(f.doc)).not.toContain('na het verwijderen');
    // a reconnection does not bring it back
    l.provider.connection.disconnect();
    l.provider.connection.connect();
    await sleep(500);
    expect(l.provider.status).toBe('error');
    expect(l.provider.synced).toBe(false);
  });
});
