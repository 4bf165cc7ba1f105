#!/usr/bin/env node
// Focused checks of RELAB behaviour found by the benchmark (not part of the timed run):
//  1. two dependent updates sent back to back on one socket (as RELAB's web provider does when a user types
//     faster than acks come back): both must be accepted;
//  2. one large update (> COLLAB_LIMITS.inlineCheckBytes, checked in the worker) on a document that already holds
//     the automerge-paper trace: how long its ack takes.
// Usage: node realtime/probe-relab.mjs   (starts its own RELAB on database relab_bench, which it recreates)
import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import pg from 'pg';
import * as Y from 'yjs';
import * as relab from './proto-relab.mjs';
import { ownParagraph, rpcClient } from './lib.mjs';
import { applyTxns, loadTrace } from './trace.mjs';

const PG = 'postgres://postgres@127.0.0.1:5432';
const admin = new pg.Client({ connectionString: `${PG}/postgres` });
await admin.connect();
await admin.query('DROP DATABASE IF EXISTS relab_bench WITH (FORCE)');
await admin.query('CREATE DATABASE relab_bench');
await admin.end();
const port = 30000 + Math.floor(Math.random() * 20000);
const child = fork(resolve(import.meta.dirname, 'server-relab.mjs'), [], {
  env: { ...process.env, BENCH_DATABASE_URL: `${PG}/relab_bench`, BENCH_PORT: String(port), BENCH_DEMO_PASSWORD: 'bench-password-123' },
});
const call = rpcClient(child, 'relab');
const { url } = await new Promise((r) => child.on('message', (m) => m?.ready && r(m)));
const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'facilitator@demo.relab.example', password: 'bench-password-123' }) });
const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('relab_sid='));
const csrf = (await login.json()).csrfToken;
const newDoc = async () => {
  const r = await fetch(`${url}/api/labs`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body: JSON.stringify({ name: 'probe', languages: ['nl'] }) });
  return `lab-notes:${(await r.json()).id}`;
};

// 1. back-to-back dependent updates
{
  const doc = await newDoc();
  const conn = await relab.connect({ url, cookie, doc });
  const ydoc = new Y.Doc();
  const updates = [];
  ydoc.on('update', (u) => updates.push(u));
  const text = ownParagraph(ydoc);
  for (let i = 0; i < 5; i++) text.insert(text.length, 'x');
  const results = await Promise.allSettled(updates.map((u) => conn.sendUpdate(u))); // emitted in one tick
  console.log(`1. ${updates.length} dependent updates sent back to back on one socket:`);
  results.forEach((r, i) => console.log(`   update ${i}: ${r.status === 'fulfilled' ? 'ok' : r.reason.message}`));
  await conn.close();
}

// 2. a large update on a document holding the trace
{
  const doc = await newDoc();
  const conn = await relab.connect({ url, cookie, doc });
  const ydoc = new Y.Doc();
  const trace = loadTrace();
  let pending = [];
  ydoc.on('update', (u) => pending.push(u));
  const text = ownParagraph(ydoc);
  await conn.sendUpdate(pending.pop());
  // the trace in ~12 KiB messages, one at a time
  for (let i = 0; i < trace.txns; ) {
    const to = Math.min(trace.txns, i + 1500);
    ydoc.transact(() => applyTxns(text, trace, i, to));
    i = to;
    const u = Y.mergeUpdates(pending.splice(0));
    await conn.sendUpdate(u);
    await new Promise((r) => setTimeout(r, 20));
  }
  for (const size of [10, 20, 40, 80, 160, 320]) {
    ydoc.transact(() => text.insert(0, 'y'.repeat(size * 1024)));
    const u = pending.splice(0)[0];
    const t0 = performance.now();
    const res = await conn.sendUpdate(u).then(() => 'ok', (e) => e.message);
    console.log(`2. one ${(u.length / 1024).toFixed(0)} KiB update on a document of ${(Y.encodeStateAsUpdate(ydoc).length / 1024).toFixed(0)} KiB: ${res} after ${(performance.now() - t0).toFixed(0)} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await conn.close();
}
await call('stop').catch(() => {});
process.exit(0);
