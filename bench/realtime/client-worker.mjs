// Child process: simulated clients. Driven by run.mjs over IPC (serveRpc). One socket per simulated user.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import * as hocuspocus from './proto-hocuspocus.mjs';
import * as relab from './proto-relab.mjs';
import { applyTxns, loadTrace, yjsBaseline } from './trace.mjs';
import { firstText, histAdd, marker, newHist, nowUs, ownParagraph, scanMarkers, serveRpc, sleep, totalLength } from './lib.mjs';

const PROTO = { hocuspocus, relab };
const ELD_RES_MS = 5;
const WORKER = +(process.env.BENCH_WORKER ?? 0);

function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function pool(items, concurrency, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

// ------------------------------------------------------------------ fan-out
let fan = null;

function resetWindow(f, winStartUs, winEndUs) {
  f.winStartUs = winStartUs;
  f.winEndUs = winEndUs;
  f.hist = newHist();
  f.delivered = 0; // deliveries of updates sent inside the window
  f.receivedInWindow = 0; // deliveries received inside the window (any send time)
  f.ackHist = newHist();
  f.msgs = 0;
  f.refused = 0;
  f.resyncs = 0;
}

/**
 * An update the server refused (RELAB: e.g. MISSING_DEPENDENCIES): do what RELAB's web provider does — keep typing
 * into the local document without sending, and after a back-off (1 s, 2 s, 4 s … like web/src/collab/timing.ts)
 * send everything the server may lack (here: the typer's whole state, which holds only its own paragraph).
 */
function refused(c) {
  const f = fan;
  f.refused++;
  if (c.resyncing || !f?.typing) return;
  c.resyncing = true;
  c.attempt = (c.attempt ?? 0) + 1;
  const resync = () => {
    if (!f.typing) return;
    f.resyncs++;
    c.resyncing = false;
    c.conn.sendUpdate(Y.encodeStateAsUpdate(c.doc)).then(
      () => (c.attempt = 0),
      () => refused(c),
    );
  };
  c.resyncTimer = setTimeout(resync, Math.min(30000, 1000 * 2 ** (c.attempt - 1)));
}

const handlers = {
  /** Connects this worker's share of the clients to one document and waits until all are synced. */
  async fanSetup({ proto, url, cookie, doc, clients, concurrency = 20 }) {
    const f = (fan = { clients: [], live: [], typers: [], errors: 0, timers: [] });
    resetWindow(f, Infinity, Infinity);
    const t0 = performance.now();
    f.clients = await pool(clients, concurrency, async ({ id, typer }) => {
      const c = { id, typer };
      const lastSeq = new Map(); // typer -> highest seq seen (a resync re-sends earlier tokens: count each once)
      const onUpdate = (bytes) => {
        const t = nowUs();
        f.msgs++;
        scanMarkers(bytes, (tid, seq, sendUs) => {
          if (tid === typer) return; // Hocuspocus echoes the sender's own updates back
          if (seq <= (lastSeq.get(tid) ?? 0)) return;
          lastSeq.set(tid, seq);
          if (t >= f.winStartUs && t < f.winEndUs) f.receivedInWindow++;
          if (sendUs >= f.winStartUs && sendUs < f.winEndUs) {
            f.delivered++;
            histAdd(f.hist, t - sendUs);
          }
        });
      };
      c.conn = await PROTO[proto].connect({ url, cookie, doc, onUpdate, onError: () => f.errors++ });
      f.live.push(c);
      if (typer !== null) {
        c.doc = new Y.Doc();
        c.text = null; // its own paragraph, created with the first keystroke
        c.seq = 0;
        c.sentInWindow = 0;
        f.typers.push(c);
      }
      return c;
    });
    return { connected: f.clients.length, ms: performance.now() - t0 };
  },

  /** Typers insert one token every intervalMs from startUs; the measured window is [winStartUs, winEndUs). */
  async fanStart({ startUs, winStartUs, winEndUs, intervalMs = 100 }) {
    const f = fan;
    resetWindow(f, winStartUs, winEndUs);
    f.cpu0 = null;
    f.typing = true;
    for (const c of f.typers) {
      let k = 0;
      const phase = Math.random() * intervalMs * 1000;
      const tick = () => {
        if (!f.typing) return;
        const sendUs = nowUs();
        c.seq++;
        let update;
        c.doc.once('update', (u) => (update = u));
        c.doc.transact(() => {
          c.text ??= ownParagraph(c.doc);
          c.text.insert(c.text.length, marker(c.typer, c.seq, sendUs));
        });
        const inWin = sendUs >= f.winStartUs && sendUs < f.winEndUs;
        if (inWin) c.sentInWindow++;
        if (!c.resyncing)
          c.conn.sendUpdate(update).then(
            () => inWin && histAdd(f.ackHist, nowUs() - sendUs),
            () => refused(c),
          );
        k++;
        const next = startUs + phase + k * intervalMs * 1000;
        const t = setTimeout(tick, Math.max(0, (next - nowUs()) / 1000));
        f.timers[c.typer] = t;
      };
      f.timers[c.typer] = setTimeout(tick, Math.max(0, (startUs + phase - nowUs()) / 1000));
    }
    // client-side load over the window
    const toWin = Math.max(0, (winStartUs - nowUs()) / 1000);
    setTimeout(() => {
      f.cpu0 = process.cpuUsage();
      f.elu0 = performance.eventLoopUtilization();
      f.eld = monitorEventLoopDelay({ resolution: ELD_RES_MS });
      f.eld.enable();
      setTimeout(() => {
        f.cpu = process.cpuUsage(f.cpu0);
        f.elu = performance.eventLoopUtilization(f.elu0);
        f.eld.disable();
      }, (winEndUs - winStartUs) / 1000);
    }, toWin);
    return true;
  },

  async fanStop() {
    for (const c of fan.typers) clearTimeout(c.resyncTimer);
    fan.typing = false;
    for (const t of Object.values(fan.timers)) clearTimeout(t);
    return true;
  },

  async fanCollect() {
    const f = fan;
    const winS = (f.winEndUs - f.winStartUs) / 1e6;
    return {
      worker: WORKER,
      hist: Array.from(f.hist),
      ackHist: Array.from(f.ackHist),
      delivered: f.delivered,
      receivedInWindow: f.receivedInWindow,
      sentInWindow: f.typers.reduce((a, c) => a + c.sentInWindow, 0),
      clients: f.clients.length,
      msgs: f.msgs,
      errors: f.errors,
      refused: f.refused,
      resyncs: f.resyncs,
      cpuPct: f.cpu ? ((f.cpu.user + f.cpu.system) / 1e6 / winS) * 100 : NaN,
      elu: f.elu?.utilization ?? NaN,
      // the histogram records the whole timer period: subtract the resolution to get the lag
      eldP99Ms: f.eld ? Math.max(0, f.eld.percentile(99) / 1e6 - ELD_RES_MS) : NaN,
      eldMaxMs: f.eld ? Math.max(0, f.eld.max / 1e6 - ELD_RES_MS) : NaN,
    };
  },

  async fanTeardown() {
    if (!fan) return true;
    fan.typing = false;
    for (const t of Object.values(fan.timers)) clearTimeout(t);
    for (const c of fan.typers) clearTimeout(c.resyncTimer);
    await pool(fan.live, 50, (c) => c.conn.close());
    for (const c of fan.typers) c.doc.destroy();
    fan = null;
    return true;
  },

  // ------------------------------------------------------------------ cold load
  /** Writers, each with its own Y.Doc, insert one character per update through the server. */
  async coldWrite({ proto, url, cookie, doc, writers, updatesPerWriter, ratePerSec = 50, inflight = 1, offset = 0 }) {
    const clients = await pool(Array.from({ length: writers }, (_, i) => i), 20, async () => {
      const conn = await PROTO[proto].connect({ url, cookie, doc });
      const ydoc = new Y.Doc();
      return { conn, ydoc, text: null };
    });
    const t0 = performance.now();
    const gapMs = 1000 / ratePerSec;
    let acked = 0;
    let failure = null;
    await Promise.all(
      clients.map(async (c, w) => {
        let open = 0;
        let waiters = [];
        const start = performance.now() + (w / writers) * gapMs;
        const rnd = mulberry32(offset + w + 1);
        let cursor = 0;
        for (let k = 0; k < updatesPerWriter; k++) {
          const due = start + k * gapMs;
          const wait = due - performance.now();
          if (wait > 1) await sleep(wait);
          while (open >= inflight) await new Promise((r) => waiters.push(r));
          let update;
          c.ydoc.once('update', (u) => (update = u));
          // like a person typing: at the cursor, which jumps to a random place in the writer's own text now and then
          c.ydoc.transact(() => {
            c.text ??= ownParagraph(c.ydoc); // the first update also creates the writer's paragraph
            if (rnd() < 0.05) cursor = Math.floor(rnd() * (c.text.length + 1));
            c.text.insert(cursor++, String.fromCharCode(97 + ((offset + w + k) % 26)));
          });
          open++;
          c.conn.sendUpdate(update).then(
            () => {
              open--;
              acked++;
              waiters.shift()?.();
            },
            (e) => {
              failure ??= e;
              open--;
              waiters.shift()?.();
            },
          );
        }
        while (open > 0) await new Promise((r) => waiters.push(r));
      }),
    );
    const ms = performance.now() - t0;
    await pool(clients, 50, (c) => c.conn.close());
    if (failure) throw new Error(`cold write: ${failure.message} (${acked} acked)`);
    return { acked, ms };
  },

  /** A fresh client: from connect until synced (and the update applied to a new Y.Doc). */
  async coldLoad({ proto, url, cookie, doc, expectLength }) {
    const t0 = performance.now();
    let tConnected = NaN;
    let socket;
    if (proto === 'relab') {
      socket = await relab.openSocket({ url, cookie });
      tConnected = performance.now();
    }
    let state;
    const conn = await PROTO[proto].connect({ url, cookie, doc, socket, onSyncStep2: (u) => (state = u) });
    const tSynced = performance.now();
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, state);
    const tApplied = performance.now();
    const length = totalLength(ydoc);
    await conn.close();
    ydoc.destroy();
    if (expectLength !== undefined && length !== expectLength) throw new Error(`cold load: text length ${length}, expected ${expectLength}`);
    return { totalMs: tSynced - t0, connectMs: tConnected - t0, joinToSyncMs: tSynced - (proto === 'relab' ? tConnected : t0), applyMs: tApplied - tSynced, stateBytes: state.length, length };
  },

  // ------------------------------------------------------------------ trace replay
  async yjsBaseline({ perTxn = true }) {
    return yjsBaseline(loadTrace(), perTxn);
  },

  async traceLoad() {
    const t = loadTrace();
    return { txns: t.txns, endLength: t.endContent.length };
  },

  async traceObserve({ proto, url, cookie, doc, timeoutMs = 60000 }) {
    const trace = loadTrace();
    const ydoc = new Y.Doc();
    let text = null;
    let resolveDone;
    const done = new Promise((r) => (resolveDone = r));
    let updates = 0;
    let bytes = 0;
    let target = null; // the sender's final state vector, once it is done
    const check = () => {
      text ??= firstText(ydoc);
      if (text && text.length === trace.endContent.length && text.toString() === trace.endContent) resolveDone(nowUs());
      else if (target && [...target].every(([client, clock]) => Y.getState(ydoc.store, client) >= clock)) resolveDone(-1); // has all, differs
    };
    const conn = await PROTO[proto].connect({
      url, cookie, doc,
      onSyncStep2: (u) => Y.applyUpdate(ydoc, u),
      onUpdate: (raw) => {
        // raw = full frame; its last field is the update: decode via y-protocols framing
        updates++;
        bytes += raw.length;
        const u = extractUpdate(proto, raw);
        Y.applyUpdate(ydoc, u);
        check();
      },
    });
    this._observer = {
      conn, ydoc, text: () => firstText(ydoc), done, trace, timeoutMs, stats: () => ({ updates, bytes }),
      setTarget: (sv) => {
        target = Y.decodeStateVector(new Uint8Array(sv));
        check();
      },
    };
    return true;
  },

  /** After the sender finished: waits until the observer has endContent, or has everything the sender sent. */
  async traceObserveWait({ senderStateVector }) {
    const o = this._observer;
    o.setTarget(senderStateVector);
    let timer;
    const res = await Promise.race([o.done, new Promise((r) => (timer = setTimeout(() => r(null), o.timeoutMs)))]);
    clearTimeout(timer);
    const got = o.text()?.toString() ?? '';
    const want = o.trace.endContent;
    await o.conn.close();
    o.ydoc.destroy();
    this._observer = null;
    if (res === null || res < 0 || got !== want) {
      let i = 0;
      while (i < got.length && got[i] === want[i]) i++;
      throw new Error(`TRACE MISMATCH: observer text (${got.length} chars) !== endContent (${want.length} chars); first difference at ${i}: got ${JSON.stringify(got.slice(i, i + 40))}, want ${JSON.stringify(want.slice(i, i + 40))}`);
    }
    return { doneUs: res, ...o.stats() };
  },

  async traceSenderConnect({ proto, url, cookie, doc }) {
    loadTrace();
    const ydoc = new Y.Doc();
    const conn = await PROTO[proto].connect({ url, cookie, doc });
    // the paragraph the trace is typed into, sent (and acknowledged) before the clock starts
    let update;
    ydoc.once('update', (u) => (update = u));
    const text = ownParagraph(ydoc);
    await conn.sendUpdate(update);
    this._sender = { conn, ydoc, text };
    return true;
  },

  /**
   * Replays the trace as fast as the protocol allows: the trace is applied to the sender's Y.Doc in slices of
   * ~sliceMs (one Yjs transaction each); updates not yet sent are merged and sent as one message when fewer than
   * `inflight` messages await their ack and at most `ratePerSec` messages per second (RELAB allows 60/s per socket).
   */
  async traceSend({ sliceMs = 5, inflight = 1, ratePerSec = 50, maxMessageBytes = 15 * 1024 }) {
    let maxTxnsPerSlice = 2000; // adapted so that one slice's update stays well under maxMessageBytes
    const { conn, ydoc, text } = this._sender;
    const trace = loadTrace();
    const gapUs = 1e6 / ratePerSec;
    let pending = [];
    let open = 0;
    let lastSend = -Infinity;
    let i = 0;
    let sent = 0;
    let sentBytes = 0;
    let maxBytes = 0;
    let timer = null;
    let finish;
    const finished = new Promise((r) => (finish = r));
    let failed = null;
    ydoc.on('update', (u) => pending.push(u));
    const t0 = nowUs();
    let applyUs = 0;
    const maybeSend = () => {
      if (!pending.length || open >= inflight || failed) return;
      const now = nowUs();
      if (now - lastSend < gapUs) {
        if (!timer) timer = setTimeout(() => { timer = null; maybeSend(); }, (lastSend + gapUs - now) / 1000);
        return;
      }
      // as many pending updates as fit in one message of at most maxMessageBytes (RELAB checks updates up to
      // 16 KiB inline; larger ones go through a worker with a time limit)
      let k = 0;
      let size = 0;
      while (k < pending.length && (k === 0 || size + pending[k].length <= maxMessageBytes)) size += pending[k++].length;
      const group = pending.splice(0, k);
      const u = group.length === 1 ? group[0] : Y.mergeUpdates(group);
      open++;
      sent++;
      sentBytes += u.length;
      maxBytes = Math.max(maxBytes, u.length);
      lastSend = now;
      conn.sendUpdate(u).then(
        () => {
          open--;
          maybeSend();
          if (i >= trace.txns && !open && !pending.length) finish();
          else if (!open && pending.length) maybeSend();
        },
        (e) => { failed = e; finish(); },
      );
    };
    await new Promise((resolve) => {
      const step = () => {
        const s0 = nowUs();
        const end = s0 + sliceMs * 1000;
        const from = i;
        const before = pending.length;
        ydoc.transact(() => {
          while (i < trace.txns && i - from < maxTxnsPerSlice) {
            const to = Math.min(trace.txns, i + 64, from + maxTxnsPerSlice);
            applyTxns(text, trace, i, to);
            i = to;
            if (nowUs() >= end) break;
          }
        });
        const bytes = pending.length > before ? pending[pending.length - 1].length : 0;
        if (bytes > maxMessageBytes / 2) maxTxnsPerSlice = Math.max(16, maxTxnsPerSlice >> 1);
        else if (bytes < maxMessageBytes / 5) maxTxnsPerSlice = Math.min(20000, Math.ceil(maxTxnsPerSlice * 1.5));
        applyUs += nowUs() - s0;
        maybeSend();
        if (i < trace.txns) setImmediate(step);
        else resolve();
      };
      step();
    });
    const appliedUs = nowUs();
    maybeSend();
    if (open || pending.length) await finished;
    if (failed) throw failed;
    const ackedUs = nowUs();
    const stateVector = Array.from(Y.encodeStateVector(ydoc));
    await conn.close();
    ydoc.destroy();
    this._sender = null;
    return { stateVector, t0, appliedMs: (appliedUs - t0) / 1000, applyCpuMs: applyUs / 1000, ackedMs: (ackedUs - t0) / 1000, messages: sent, bytes: sentBytes, maxBytes };
  },
};

/** The Yjs update carried by a received sync frame (Hocuspocus frames start with the document name). */
import * as decoding from 'lib0/decoding';
function extractUpdate(proto, raw) {
  const d = decoding.createDecoder(raw);
  if (proto === 'hocuspocus') decoding.readVarString(d);
  decoding.readVarUint(d); // message type (sync)
  decoding.readVarUint(d); // sync type
  return decoding.readVarUint8Array(d);
}

serveRpc(Object.fromEntries(Object.entries(handlers).map(([k, fn]) => [k, fn.bind(handlers)])));
process.send({ ready: true });
