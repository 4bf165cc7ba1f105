// A simulated board participant: one socket on /collab, a Y.Doc kept in sync with y-protocols (as the web provider
// does), and every `intervalMs` it moves one random sticky note a little. Each move is stored before it is acked.
import { io } from 'socket.io-client';
import msgpackParser from 'socket.io-msgpack-parser';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

const frame = (fn) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  fn(e);
  const u = encoding.toUint8Array(e);
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
};

export async function participant({ url, cookie, doc: name }) {
  const socket = io(url + '/collab', { transports: ['websocket'], parser: msgpackParser, extraHeaders: { cookie }, forceNew: true, reconnection: false });
  await new Promise((ok, fail) => {
    socket.once('connect', ok);
    socket.once('connect_error', fail);
  });
  const doc = new Y.Doc();
  let synced;
  const ready = new Promise((r) => (synced = r));
  const stats = { sent: 0, acked: 0, refused: 0 };
  socket.on('msg', (d, data) => {
    if (d !== name) return;
    const dec = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(dec) !== 0) return;
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, 0);
    const t = syncProtocol.readSyncMessage(dec, reply, doc, 'remote');
    if (t === syncProtocol.messageYjsSyncStep2) synced();
    if (t === syncProtocol.messageYjsSyncStep1) socket.emit('msg', name, Buffer.from(encoding.toUint8Array(reply)), () => {});
  });
  const joined = await new Promise((r) => socket.emit('join', name, r));
  if (!joined?.ok) throw new Error(`join refused: ${JSON.stringify(joined)}`);
  socket.emit('msg', name, frame((e) => syncProtocol.writeSyncStep1(e, doc)), () => {});
  await ready;
  doc.on('update', (update, origin) => {
    if (origin === 'remote') return;
    stats.sent++;
    socket.emit('msg', name, frame((e) => syncProtocol.writeUpdate(e, update)), (ack) => (ack?.ok ? stats.acked++ : stats.refused++));
  });
  let timer = null;
  return {
    doc,
    stats,
    /** Starts moving random notes every `intervalMs` (only notes other than `avoid`). */
    start(intervalMs, avoid) {
      const shapes = doc.getMap('shapes');
      timer = setInterval(() => {
        const keys = [...shapes.keys()];
        for (let i = 0; i < 5; i++) {
          const k = keys[Math.floor(Math.random() * keys.length)];
          const s = shapes.get(k);
          if (!s || s.type !== 'sticky' || s.locked || k === avoid) continue;
          shapes.set(k, { ...s, x: s.x + (Math.random() - 0.5) * 40, y: s.y + (Math.random() - 0.5) * 40 });
          return;
        }
      }, intervalMs);
    },
    stop() {
      if (timer) clearInterval(timer);
    },
    close() {
      this.stop();
      socket.disconnect();
      doc.destroy();
    },
  };
}
