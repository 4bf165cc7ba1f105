// The editing trace (josephg/editing-traces, sequential format) and the Yjs-only baseline.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';

export const TRACE_FILE = process.env.BENCH_TRACE ?? '/work/shared/bench/automerge-paper.json.gz';

let cached;
export function loadTrace(file = TRACE_FILE) {
  if (cached) return cached;
  const t = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
  // Positions are Unicode code points; this trace is the ASCII-only variant, where they equal UTF-16 indexes.
  if (/[^\x00-\x7f]/.test(t.endContent)) throw new Error('trace is not ASCII-only: code point positions would need mapping');
  // flatten: [pos, del, text] triples, plus where each transaction starts
  const patches = [];
  const txnStart = [];
  for (const txn of t.txns) {
    txnStart.push(patches.length);
    for (const p of txn.patches) patches.push(p);
  }
  txnStart.push(patches.length);
  cached = { endContent: t.endContent, startContent: t.startContent ?? '', patches, txnStart, txns: t.txns.length };
  return cached;
}

/** Applies transactions [from, to) to a Y.Text (inside whatever transaction the caller opened). */
export function applyTxns(ytext, trace, from, to) {
  const { patches, txnStart } = trace;
  for (let k = txnStart[from], end = txnStart[to]; k < end; k++) {
    const [pos, del, ins] = patches[k];
    if (del) ytext.delete(pos, del);
    if (ins) ytext.insert(pos, ins);
  }
}

/** Yjs alone, in memory: one Y.Doc, one transaction per trace transaction. Returns ms. */
export function yjsBaseline(trace, perTxn = true) {
  const doc = new Y.Doc();
  const text = doc.getText('text');
  const t0 = performance.now();
  if (perTxn) for (let i = 0; i < trace.txns; i++) doc.transact(() => applyTxns(text, trace, i, i + 1));
  else doc.transact(() => applyTxns(text, trace, 0, trace.txns));
  const ms = performance.now() - t0;
  if (text.toString() !== trace.endContent) throw new Error('Yjs baseline: final text differs from endContent');
  const bytes = Y.encodeStateAsUpdate(doc).length;
  doc.destroy();
  return { ms, bytes };
}
