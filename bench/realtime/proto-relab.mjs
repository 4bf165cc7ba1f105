// RELAB client: socket.io 4 + socket.io-msgpack-parser on namespace /collab, one socket per simulated user.
// Protocol (shared/src/collab/protocol.ts): join(doc, ack) -> server sends msg(doc, syncStep1); we answer
// msg(doc, syncStep2) and send msg(doc, syncStep1); the server's msg(doc, syncStep2) = synced.
// Updates: msg(doc, [0, 2, update], ack) -> ack {ok:true} once stored in PostgreSQL.
import { io } from 'socket.io-client';
import msgpackParser from 'socket.io-msgpack-parser';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

function syncMsg(type, payload) {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, type);
  encoding.writeVarUint8Array(e, payload);
  const u = encoding.toUint8Array(e);
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

/** A connected (not yet joined) socket; resolves on 'connect'. */
export function openSocket({ url, cookie, timeoutMs = 60000 }) {
  return new Promise((resolve, reject) => {
    const socket = io(url + '/collab', {
      transports: ['websocket'],
      parser: msgpackParser,
      extraHeaders: { cookie },
      forceNew: true,
      reconnection: false,
      timeout: timeoutMs,
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => reject(new Error(`relab: connect_error ${e?.message ?? e}`)));
  });
}

/**
 * connect({url, cookie, doc, onUpdate(bytes), onSyncStep2(update)}) -> Promise<client> resolved once synced.
 * client.sendUpdate(update) -> Promise resolved on the ack {ok:true} (= stored).
 * Pass `socket` to reuse an already connected socket (to time join -> synced alone).
 */
export async function connect({ url, cookie, doc, socket, stateVector = new Uint8Array([0]), onUpdate = () => {}, onSyncStep2 = () => {}, onError = () => {}, timeoutMs = 60000 }) {
  socket ??= await openSocket({ url, cookie, timeoutMs });
  return new Promise((resolve, reject) => {
    let synced = false;
    const timer = setTimeout(() => fail(new Error(`relab: no sync within ${timeoutMs} ms`)), timeoutMs);
    const client = {
      kind: 'relab',
      socket,
      sendUpdate(update) {
        return new Promise((res, rej) => {
          socket.emit('msg', doc, syncMsg(2, update), (ack) => {
            if (ack && ack.ok) res();
            else rej(new Error(`relab: update refused ${JSON.stringify(ack)}`));
          });
        });
      },
      close() {
        return new Promise((res) => {
          if (socket.disconnected) return res();
          socket.once('disconnect', () => res());
          socket.disconnect();
        });
      },
    };
    function fail(err) {
      clearTimeout(timer);
      if (!synced) reject(err);
      socket.disconnect();
    }
    socket.on('msg', (d, data) => {
      if (d !== doc) return;
      const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
      const dec = decoding.createDecoder(bytes);
      if (decoding.readVarUint(dec) !== 0) return; // awareness
      const st = decoding.readVarUint(dec);
      if (st === 2) return onUpdate(bytes);
      const payload = decoding.readVarUint8Array(dec);
      if (st === 0) {
        socket.emit('msg', doc, syncMsg(1, new Uint8Array([0, 0])), () => {});
      } else if (st === 1 && !synced) {
        onSyncStep2(payload);
        synced = true;
        clearTimeout(timer);
        resolve(client);
      } else if (st === 1) {
        onUpdate(bytes);
      }
    });
    socket.on('collab:error', (e) => {
      onError(e);
      if (!synced) fail(new Error(`relab: collab:error ${JSON.stringify(e)}`));
    });
    socket.on('disconnect', (reason) => {
      if (!synced) fail(new Error(`relab: disconnected ${reason}`));
    });
    socket.emit('join', doc, (res) => {
      if (!res || !res.ok) return fail(new Error(`relab: join refused ${JSON.stringify(res)}`));
      socket.emit('msg', doc, syncMsg(0, stateVector), () => {});
    });
  });
}
