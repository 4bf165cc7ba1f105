// Lean Hocuspocus client over a raw `ws` socket, speaking the same frames as @hocuspocus/provider:
//   varString(documentName) · varUint(messageType) · body
// Auth (2): token -> Authenticated; Sync (0) / SyncReply (4): y-protocols sync; SyncStatus (8): "update applied".
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

const T = { sync: 0, awareness: 1, auth: 2, syncReply: 4, syncStatus: 8 };

function frame(doc, type, write) {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, doc);
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}

/**
 * connect({url, doc, onUpdate(bytes, raw), onSyncStep2(update)}) -> Promise<client> resolved once synced.
 * client.sendUpdate(update) -> Promise (resolved on the server's SyncStatus = applied in memory).
 */
export function connect({ url, doc, stateVector = new Uint8Array([0]), onUpdate = () => {}, onSyncStep2 = () => {}, timeoutMs = 60000 }) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.binaryType = 'nodebuffer';
    const acks = []; // FIFO: the server answers every update in order
    let synced = false;
    const timer = setTimeout(() => fail(new Error(`hocuspocus: no sync within ${timeoutMs} ms`)), timeoutMs);
    const client = {
      kind: 'hocuspocus',
      sendUpdate(update) {
        return new Promise((res, rej) => {
          acks.push({ res, rej });
          ws.send(frame(doc, T.sync, (e) => { encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, update); }));
        });
      },
      close() {
        return new Promise((res) => {
          if (ws.readyState === WebSocket.CLOSED) return res();
          ws.once('close', res);
          ws.close();
        });
      },
    };
    function fail(err) {
      clearTimeout(timer);
      for (const a of acks.splice(0)) a.rej(err);
      if (!synced) reject(err);
      try { ws.terminate(); } catch {}
    }
    ws.on('open', () => {
      ws.send(frame(doc, T.auth, (e) => { encoding.writeVarUint(e, 0); encoding.writeVarString(e, ''); }));
      ws.send(frame(doc, T.sync, (e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint8Array(e, stateVector); }));
    });
    ws.on('message', (data) => {
      const d = decoding.createDecoder(data);
      decoding.readVarString(d);
      const type = decoding.readVarUint(d);
      if (type === T.sync || type === T.syncReply) {
        const st = decoding.readVarUint(d);
        if (st === 2) return onUpdate(data);
        const payload = decoding.readVarUint8Array(d);
        if (st === 0) {
          // the server's step 1: we hold nothing it lacks, answer with an empty step 2 (it is answered by a
          // SyncStatus too: queue a placeholder so update acks stay paired)
          acks.push({ res() {}, rej() {} });
          ws.send(frame(doc, T.sync, (e) => { encoding.writeVarUint(e, 1); encoding.writeVarUint8Array(e, new Uint8Array([0, 0])); }));
        } else if (st === 1 && !synced) {
          onSyncStep2(payload);
          synced = true;
          clearTimeout(timer);
          resolve(client);
        } else if (st === 1) {
          onUpdate(data);
        }
      } else if (type === T.syncStatus) {
        const ok = decoding.readVarUint(d) === 1;
        const a = acks.shift();
        if (a) (ok ? a.res() : a.rej(new Error('hocuspocus: update refused')));
      } else if (type === T.auth) {
        const sub = decoding.readVarUint(d);
        if (sub === 1) fail(new Error(`hocuspocus: permission denied ${decoding.readVarString(d)}`));
      }
    });
    ws.on('error', fail);
    ws.on('close', () => fail(new Error('hocuspocus: socket closed')));
  });
}
