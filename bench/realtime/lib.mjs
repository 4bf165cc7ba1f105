// Shared helpers: clock, latency histogram, typing markers, parent<->child RPC, /proc sampling.
import { readFileSync, readdirSync } from 'node:fs';

/** Microseconds on CLOCK_MONOTONIC: the same clock in every process of this machine. */
export const nowUs = () => Number(process.hrtime.bigint() / 1000n);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- histogram (µs), mergeable across processes
// 10 µs linear buckets below 1 ms, then 1 % logarithmic buckets up to ~2 min.
const LIN = 100;
const LOG_STEP = Math.log(1.01);
export const HIST_SIZE = LIN + Math.ceil(Math.log(120e6 / 1000) / LOG_STEP) + 2;
export function newHist() {
  return new Float64Array(HIST_SIZE);
}
export function histAdd(h, us) {
  let i;
  if (us < 1000) i = us < 0 ? 0 : Math.floor(us / 10);
  else i = Math.min(HIST_SIZE - 1, LIN + Math.floor(Math.log(us / 1000) / LOG_STEP));
  h[i]++;
}
function bucketValue(i) {
  return i < LIN ? i * 10 + 5 : 1000 * Math.exp((i - LIN + 0.5) * LOG_STEP);
}
export function histMerge(into, from) {
  for (let i = 0; i < HIST_SIZE; i++) into[i] += from[i];
  return into;
}
export function histCount(h) {
  let n = 0;
  for (let i = 0; i < HIST_SIZE; i++) n += h[i];
  return n;
}
/** Quantiles in µs. */
export function histQuantiles(h, qs) {
  const total = histCount(h);
  const out = qs.map(() => NaN);
  if (!total) return out;
  let acc = 0;
  let k = 0;
  for (let i = 0; i < HIST_SIZE && k < qs.length; i++) {
    acc += h[i];
    while (k < qs.length && acc >= qs[k] * total) out[k++] = bucketValue(i);
  }
  return out;
}
export function histMax(h) {
  for (let i = HIST_SIZE - 1; i >= 0; i--) if (h[i]) return bucketValue(i);
  return NaN;
}

// ---------------------------------------------------------------- typing markers
// Every keystroke inserts one self-delimited token into the shared Y.Text: STX typer.seq.sendUs ETX.
// Tokens are never deleted or split (each typer only appends after its own text), so they survive any
// merging or re-encoding a server may do, and a receiver finds them by scanning the raw bytes.
export const marker = (typer, seq, us) => `\x02${typer}.${seq}.${us}\x03`;
/** Calls fn(typer, seq, sendUs) for every token in a binary message (byte scan, no allocation). */
export function scanMarkers(bytes, fn) {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = buf.length;
  let i = buf.indexOf(2);
  while (i >= 0) {
    let j = i + 1;
    const nums = [0, 0, 0];
    let k = 0;
    let digits = 0;
    let ok = false;
    for (; j < n && j - i < 40; j++) {
      const c = buf[j];
      if (c >= 48 && c <= 57) {
        nums[k] = nums[k] * 10 + (c - 48);
        digits++;
      } else if (c === 46 && k < 2 && digits) {
        k++;
        digits = 0;
      } else {
        ok = c === 3 && k === 2 && digits >= 6;
        break;
      }
    }
    if (ok) {
      fn(nums[0], nums[1], nums[2]);
      i = buf.indexOf(2, j + 1);
    } else i = buf.indexOf(2, i + 1);
  }
}

// ---------------------------------------------------------------- RPC over the IPC channel
/** In a child: answer {id, cmd, args} requests with handlers[cmd](args). */
export function serveRpc(handlers) {
  process.on('message', async (msg) => {
    if (!msg || msg.rpc !== 'req') return;
    try {
      const fn = handlers[msg.cmd];
      if (!fn) throw new Error(`unknown command ${msg.cmd}`);
      const result = await fn(msg.args ?? {});
      process.send({ rpc: 'res', id: msg.id, result });
    } catch (e) {
      process.send({ rpc: 'res', id: msg.id, error: String(e?.stack ?? e) });
    }
  });
}
/** In the parent: child.call(cmd, args) -> Promise. */
export function rpcClient(child, name) {
  let next = 1;
  const pending = new Map();
  child.on('message', (msg) => {
    if (!msg || msg.rpc !== 'res') return;
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.error) p.reject(new Error(`${name}: ${msg.error}`));
    else p.resolve(msg.result);
  });
  child.on('exit', (code, signal) => {
    for (const p of pending.values()) p.reject(new Error(`${name} exited (${code ?? signal})`));
    pending.clear();
  });
  return (cmd, args) =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      child.send({ rpc: 'req', id, cmd, args });
    });
}

// ---------------------------------------------------------------- /proc sampling (Linux)
const TICK_US = 1e6 / 100; // CLK_TCK = 100
/** CPU µs (user+system, all threads) and RSS bytes of one process. */
export function procStat(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { cpuUs: (+f[11] + +f[12]) * TICK_US, rss: +f[21] * 4096 };
  } catch {
    return null;
  }
}
/** CPU µs per PostgreSQL process serving a database (its backends) plus the WAL writer: Map pid -> µs. */
export function pgCpu(dbName) {
  const out = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    let cmd;
    try {
      cmd = readFileSync(`/proc/${d}/cmdline`, 'latin1');
    } catch {
      continue;
    }
    if (!cmd.startsWith('postgres:')) continue;
    if (cmd.includes(` ${dbName} `) || cmd.includes('walwriter')) out.set(d, procStat(d)?.cpuUs ?? 0);
  }
  return out;
}
/** CPU µs used between two pgCpu() samples (backends that ended in between are missed, new ones count from 0). */
export function pgCpuDelta(a, b) {
  let us = 0;
  for (const [pid, v] of b) us += Math.max(0, v - (a.get(pid) ?? 0));
  return us;
}
/** Whole machine: busy and total jiffies. */
export function machineCpu() {
  const line = readFileSync('/proc/stat', 'latin1').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = line[3] + line[4];
  const total = line.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

// ---------------------------------------------------------------- document content
// The shape of a rich-text editor document (RELAB's lab notes declare one root, `content`, an XmlFragment):
// every writer types in its own paragraph <paragraph>XmlText</paragraph>. Same shape on both servers.
import * as Y from 'yjs';
export const ROOT = 'content';
/** A new paragraph at the end of the fragment; returns its Y.XmlText. Joins the caller's transaction if any. */
export function ownParagraph(doc) {
  const frag = doc.getXmlFragment(ROOT);
  let text;
  doc.transact(() => {
    const p = new Y.XmlElement('paragraph');
    frag.insert(frag.length, [p]);
    text = new Y.XmlText();
    p.insert(0, [text]);
  });
  return text;
}
/** The XmlText of the first paragraph, once it exists. */
export function firstText(doc) {
  return doc.getXmlFragment(ROOT).get(0)?.get(0) ?? null;
}
/** Characters in all paragraphs. */
export function totalLength(doc) {
  let n = 0;
  for (const p of doc.getXmlFragment(ROOT).toArray()) n += p.get?.(0)?.length ?? 0;
  return n;
}
