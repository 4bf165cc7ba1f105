#!/usr/bin/env node
// pnpm bench:realtime — the same realtime load against RELAB and against @hocuspocus/server (+ Database extension
// on the same PostgreSQL), side by side. See bench/README.md.
import { fork } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { histMerge, histQuantiles, machineCpu, newHist, nowUs, pgCpu, pgCpuDelta, procStat, rpcClient, sleep } from './lib.mjs';

const HERE = import.meta.dirname;
const ROOT = resolve(HERE, '../..');
const { values: opt } = parseArgs({
  // `pnpm run realtime -- --flag` passes the `--` through: drop it, or every flag after it would be ignored
  args: process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--')),
  options: {
    only: { type: 'string' }, // hocuspocus | relab
    scenarios: { type: 'string', default: 'fanout,cold,trace' },
    clients: { type: 'string', default: '50x50,200x20,500x20,200x200' }, // N or NxTypers
    workers: { type: 'string', default: '2' },
    warmup: { type: 'string', default: '3' },
    window: { type: 'string', default: '10' },
    drain: { type: 'string', default: '2' },
    'cold-updates': { type: 'string', default: '50000' },
    'cold-writers': { type: 'string', default: '100' },
    'cold-runs': { type: 'string', default: '5' },
    'trace-runs': { type: 'string', default: '3' },
    out: { type: 'string', default: resolve(HERE, '../results/latest.md') },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
    profile: { type: 'string' },
  },
});
const SERVERS = opt.only ? opt.only.split(',') : ['relab', 'hocuspocus'];
const SCENARIOS = new Set(opt.scenarios.split(','));
const FAN = opt.clients.split(',').map((s) => {
  const [n, t] = s.split('x').map(Number);
  return { n, typers: t ?? (n <= 50 ? n : 20) };
});
const WORKERS = +opt.workers;
const DB_NAME = 'relab_bench';
const DB_URL = `${opt.pg}/${DB_NAME}`;
const DEMO = { email: 'facilitator@demo.relab.example', password: 'bench-password-123' };
const LABEL = { relab: 'RELAB', hocuspocus: 'Hocuspocus' };

const log = (...a) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...a);

// ------------------------------------------------------------------ processes
function forkChild(file, env, name, execArgv = []) {
  const child = fork(resolve(HERE, file), [], { env: { ...process.env, ...env }, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const call = rpcClient(child, name);
  const ready = new Promise((res, rej) => {
    child.on('message', (m) => m?.ready && res(m));
    child.once('exit', (code) => rej(new Error(`${name} exited during start (${code})`)));
  });
  return { child, call, ready, pid: child.pid };
}

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

class ServerProc {
  constructor(kind) {
    this.kind = kind;
    this.cookie = '';
    this.docs = 0;
  }
  async start() {
    const port = await freePort();
    const env = { BENCH_DATABASE_URL: DB_URL, BENCH_PORT: String(port), BENCH_DEMO_PASSWORD: DEMO.password, RELAB_ROOT: ROOT };
    // --profile DIR: V8 CPU profile of each server process (written when it stops)
    const p = forkChild(`server-${this.kind}.mjs`, env, this.kind, opt.profile ? ['--cpu-prof', `--cpu-prof-dir=${opt.profile}`] : []);
    const { url } = await p.ready;
    Object.assign(this, { proc: p, url, pid: p.pid });
    if (this.kind === 'relab' && !this.cookie) await this.login();
    return this;
  }
  async stop() {
    const exited = new Promise((r) => this.proc.child.once('exit', r));
    await this.proc.call('stop').catch(() => {});
    await Promise.race([exited, sleep(10000)]);
    if (this.proc.child.exitCode === null) this.proc.child.kill('SIGKILL');
  }
  async restart() {
    await this.stop();
    return this.start();
  }
  async login() {
    const res = await fetch(`${this.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO) });
    if (res.status !== 200) throw new Error(`RELAB login failed: ${res.status} ${await res.text()}`);
    const sid = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => /^(__Host-)?relab_sid=/.test(c));
    if (!sid) throw new Error('RELAB login: no relab_sid cookie');
    this.cookie = sid;
    this.csrf = (await res.json()).csrfToken;
  }
  /** A fresh, empty document. */
  async newDoc(label) {
    if (this.kind === 'hocuspocus') return `${label}-${Date.now()}-${++this.docs}`;
    const res = await fetch(`${this.url}/api/labs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie, 'x-csrf-token': this.csrf },
      body: JSON.stringify({ name: `Bench ${label} ${++this.docs}`, languages: ['nl', 'fr', 'en'] }),
    });
    if (res.status !== 201) throw new Error(`RELAB: create lab failed ${res.status} ${await res.text()}`);
    return `lab-notes:${(await res.json()).id}`;
  }
  /** RELAB's Prometheus metrics (GET /metrics), as { 'name{labels}': value }; null for Hocuspocus. */
  async metrics() {
    if (this.kind !== 'relab') return null;
    const text = await (await fetch(`${this.url}/metrics`)).text();
    const out = {};
    for (const line of text.split('\n')) {
      if (!line.startsWith('relab_collab_')) continue;
      const i = line.lastIndexOf(' ');
      out[line.slice(0, i)] = Number(line.slice(i + 1));
    }
    return out;
  }
  get conn() {
    return { proto: this.kind, url: this.url, cookie: this.cookie };
  }
}

/** Waits until the server process is nearly idle (≤ 10 % CPU over 500 ms), at most maxMs: a backlog from one
 *  scenario must not spill into the next. Returns the time waited. */
async function settle(pid, maxMs = 60000) {
  const t0 = performance.now();
  for (;;) {
    const a = procStat(pid)?.cpuUs ?? 0;
    await sleep(500);
    const b = procStat(pid)?.cpuUs ?? 0;
    if (b - a <= 50000 || performance.now() - t0 > maxMs) return performance.now() - t0;
  }
}

async function startWorkers(n) {
  const ws = [];
  for (let i = 0; i < n; i++) {
    const w = forkChild('client-worker.mjs', { BENCH_WORKER: String(i) }, `client-worker-${i}`);
    await w.ready;
    ws.push(w);
  }
  return ws;
}

/** Samples CPU (server, PostgreSQL, machine) between mark() calls and the server's peak RSS in between. */
let CLIENT_PIDS = [];
function sampler(pid) {
  const ours = () => [process.pid, ...CLIENT_PIDS].reduce((a, p) => a + (procStat(p)?.cpuUs ?? 0), 0);
  const take = () => ({ t: nowUs(), srv: procStat(pid), pg: pgCpu(DB_NAME), m: machineCpu(), ours: ours() });
  let peak = 0;
  const iv = setInterval(() => (peak = Math.max(peak, procStat(pid)?.rss ?? 0)), 200);
  return {
    take,
    stop: () => clearInterval(iv),
    delta(a, b) {
      const s = (b.t - a.t) / 1e6;
      return {
        seconds: s,
        serverCpuUs: b.srv.cpuUs - a.srv.cpuUs,
        serverCpuPct: ((b.srv.cpuUs - a.srv.cpuUs) / 1e6 / s) * 100,
        pgCpuPct: (pgCpuDelta(a.pg, b.pg) / 1e6 / s) * 100,
        machinePct: ((b.m.busy - a.m.busy) / (b.m.total - a.m.total)) * 100 * os.cpus().length,
        clientsPct: ((b.ours - a.ours) / 1e6 / s) * 100,
        // CPU used by anything else on the machine (other people's tests, installs…): noise if large
        otherPct: Math.max(0, ((b.m.busy - a.m.busy) / (b.m.total - a.m.total)) * 100 * os.cpus().length - ((b.srv.cpuUs - a.srv.cpuUs + b.ours - a.ours + pgCpuDelta(a.pg, b.pg)) / 1e6 / s) * 100),
        rss: b.srv.rss,
        peakRss: Math.max(peak, b.srv.rss),
      };
    },
  };
}

// ------------------------------------------------------------------ scenarios
async function fanout(server, workers, { n, typers }) {
  const doc = await server.newDoc(`fanout-${n}x${typers}`);
  const clients = Array.from({ length: n }, (_, id) => ({ id, typer: id < typers ? id : null }));
  const share = workers.map((_, w) => clients.filter((c) => c.id % workers.length === w));
  const t0 = performance.now();
  await Promise.all(workers.map((w, i) => w.call('fanSetup', { ...server.conn, doc, clients: share[i] })));
  const connectMs = performance.now() - t0;
  await sleep(500);
  const warm = +opt.warmup * 1e6;
  const win = +opt.window * 1e6;
  const winS = +opt.window;
  const startUs = nowUs() + 300e3;
  const winStartUs = startUs + warm;
  const winEndUs = winStartUs + win;
  const smp = sampler(server.pid);
  await Promise.all(workers.map((w) => w.call('fanStart', { startUs, winStartUs, winEndUs })));
  // RELAB's /metrics is read just before the window, without delaying the CPU sample if the server is slow to answer
  await sleep((winStartUs - nowUs()) / 1000 - 100);
  const m0p = server.metrics().catch(() => null);
  await sleep((winStartUs - nowUs()) / 1000);
  const a = smp.take();
  await sleep((winEndUs - nowUs()) / 1000);
  const b = smp.take();
  smp.stop();
  const internals = relabInternals(await m0p, await server.metrics().catch(() => null));
  const load = smp.delta(a, b);
  await Promise.all(workers.map((w) => w.call('fanStop')));
  await sleep(+opt.drain * 1000);
  const parts = await Promise.all(workers.map((w) => w.call('fanCollect')));
  await Promise.all(workers.map((w) => w.call('fanTeardown')));
  const settleMs = await settle(server.pid);
  if (settleMs > 2000) log(`  (server busy for ${f1(settleMs / 1000)} s after the clients left)`);
  const hist = newHist();
  const ack = newHist();
  for (const p of parts) {
    histMerge(hist, p.hist);
    histMerge(ack, p.ackHist);
  }
  const sent = parts.reduce((a, p) => a + p.sentInWindow, 0);
  const delivered = parts.reduce((a, p) => a + p.delivered, 0);
  const received = parts.reduce((a, p) => a + p.receivedInWindow, 0);
  const [p50, p95, p99] = histQuantiles(hist, [0.5, 0.95, 0.99]);
  const [a50, a99] = histQuantiles(ack, [0.5, 0.99]);
  return {
    n, typers, connectMs, load, sent,
    // client-side counts are by timestamp inside the exact window: divide by its nominal length
    sentPerSec: sent / winS,
    expected: sent * (n - 1), delivered,
    deliveredPct: (delivered / (sent * (n - 1))) * 100,
    deliveriesPerSec: received / winS,
    p50, p95, p99, ackP50: a50, ackP99: a99,
    cpuPerDeliveryUs: load.serverCpuUs / received,
    errors: parts.reduce((a, p) => a + p.errors, 0),
    refused: parts.reduce((a, p) => a + p.refused, 0),
    resyncs: parts.reduce((a, p) => a + p.resyncs, 0),
    internals,
    settleMs,
    clientSide: parts.map((p) => ({ worker: p.worker, clients: p.clients, cpuPct: p.cpuPct, elu: p.elu, eldP99Ms: p.eldP99Ms, eldMaxMs: p.eldMaxMs })),
  };
}

/** Group commit and refusals inside RELAB between two /metrics scrapes. */
function relabInternals(m0, m1) {
  if (!m0 || !m1) return null;
  const d = (k) => (m1[k] ?? 0) - (m0[k] ?? 0);
  const commits = d('relab_collab_persist_seconds_count');
  const buckets = Object.keys(m1)
    .filter((k) => k.startsWith('relab_collab_persist_seconds_bucket'))
    .map((k) => ({ le: Number(/le="([^"]+)"/.exec(k)[1]), n: d(k) }))
    .sort((x, y) => x.le - y.le);
  const q = (p) => buckets.find((bk) => bk.n >= p * commits)?.le;
  const refused = {};
  for (const k of Object.keys(m1)) {
    const r = /relab_collab_refused_messages_total\{reason="([^"]+)"\}/.exec(k);
    if (r && d(k) > 0) refused[r[1]] = d(k);
  }
  return {
    commits,
    commitMeanMs: (d('relab_collab_persist_seconds_sum') / commits) * 1000,
    commitP50Ms: q(0.5) * 1000,
    commitP99Ms: q(0.99) * 1000,
    rowsPerInsert: d('relab_collab_persist_batch_rows_sum') / d('relab_collab_persist_batch_rows_count'),
    broadcasts: d('relab_collab_broadcasts_total'),
    updates: d('relab_collab_updates_total'),
    refused,
  };
}

async function cold(server, workers) {
  const total = +opt['cold-updates'];
  const writers = +opt['cold-writers'];
  const doc = await server.newDoc('cold');
  const warmDoc = await server.newDoc('warm');
  // a small second document, loaded after every restart so that the timed load is not the process's first
  await workers[0].call('coldWrite', { ...server.conn, doc: warmDoc, writers: 1, updatesPerWriter: 20 });
  const per = Math.ceil(total / writers);
  const smp = sampler(server.pid);
  const a = smp.take();
  const res = await Promise.all(
    workers.map((w, i) => {
      const mine = Math.floor(writers / workers.length) + (i < writers % workers.length ? 1 : 0);
      return w.call('coldWrite', { ...server.conn, doc, writers: mine, updatesPerWriter: per, offset: i * 1000 });
    }),
  );
  const b = smp.take();
  smp.stop();
  const write = { ...smp.delta(a, b), acked: res.reduce((x, r) => x + r.acked, 0), ms: Math.max(...res.map((r) => r.ms)) };
  let expectLength = write.acked;
  if (server.kind === 'hocuspocus') await server.proc.call('idle');
  const storage1 = await storageStats(server, doc);
  const load = async () => {
    await server.restart();
    await workers[0].call('coldLoad', { ...server.conn, doc: warmDoc });
    return workers[0].call('coldLoad', { ...server.conn, doc, expectLength });
  };
  const runs = +opt['cold-runs'];
  const asWritten = [];
  for (let r = 0; r < runs; r++) asWritten.push(await load());
  let compacted = asWritten; // Hocuspocus always stores one state
  let storage2 = storage1;
  let compactWaitMs = 0;
  if (server.kind === 'relab') {
    // RELAB compacts on unload what was stored since the document was loaded: one more update, then wait until
    // the unload (COLLAB_UNLOAD_DELAY_MS after the last socket left) has merged the whole log into the snapshot
    await workers[0].call('coldWrite', { ...server.conn, doc, writers: 1, updatesPerWriter: 1, offset: 7 });
    expectLength++;
    const t0 = performance.now();
    while ((await storageStats(server, doc)).collab_updates?.rows > 0 && performance.now() - t0 < 60000) await sleep(250);
    compactWaitMs = performance.now() - t0;
    storage2 = await storageStats(server, doc);
    compacted = [];
    for (let r = 0; r < runs; r++) compacted.push(await load());
  }
  return { total: write.acked, writers, write, storage1, storage2, asWritten, compacted, compactWaitMs };
}

// RELAB's storage tables are discovered by name so the harness does not depend on the exact schema.
async function relabTables(db) {
  const r = await db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name ~ '(collab|yjs|doc)' AND table_name <> 'hp_documents' ORDER BY 1`);
  const out = [];
  for (const { table_name } of r.rows) {
    const cols = (await db.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1`, [table_name])).rows;
    const docCol = cols.find((c) => /^(doc|doc_name|document|name|doc_id)$/.test(c.column_name));
    const binCol = cols.find((c) => c.data_type === 'bytea');
    if (docCol && binCol) out.push({ table: table_name, docCol: docCol.column_name, binCol: binCol.column_name });
  }
  return out;
}
async function storageStats(server, doc) {
  const db = new pg.Client({ connectionString: DB_URL });
  await db.connect();
  try {
    if (server.kind === 'hocuspocus') {
      const r = await db.query('SELECT count(*)::int AS rows, coalesce(sum(length(data)), 0)::int AS bytes FROM hp_documents WHERE name = $1', [doc]);
      return { hp_documents: r.rows[0] };
    }
    const out = {};
    for (const t of await relabTables(db)) {
      const r = await db.query(`SELECT count(*)::int AS rows, coalesce(sum(length("${t.binCol}")), 0)::bigint AS bytes FROM "${t.table}" WHERE "${t.docCol}"::text = $1 OR "${t.docCol}"::text = $2`, [doc, doc.split(':')[1]]);
      out[t.table] = { rows: r.rows[0].rows, bytes: Number(r.rows[0].bytes) };
    }
    return out;
  } finally {
    await db.end();
  }
}
async function trace(server, workers) {
  const doc = await server.newDoc('trace');
  const observer = workers[0];
  const sender = workers[workers.length > 1 ? 1 : 0];
  await Promise.all([observer.call('traceLoad'), sender.call('traceLoad')]);
  await observer.call('traceObserve', { ...server.conn, doc });
  await sender.call('traceSenderConnect', { ...server.conn, doc });
  const smp = sampler(server.pid);
  const a = smp.take();
  const { stateVector, ...sent } = await sender.call('traceSend', {});
  // throws TRACE MISMATCH if the observer's text !== endContent once it has everything the sender sent
  const seen = await observer.call('traceObserveWait', { senderStateVector: stateVector });
  const b = smp.take();
  smp.stop();
  return { ...sent, totalMs: (seen.doneUs - sent.t0) / 1000, observerUpdates: seen.updates, load: smp.delta(a, b) };
}

// ------------------------------------------------------------------ formatting
const str = (x) => (typeof x === 'string' ? x : '–');
const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const ms = (us) => (Number.isFinite(us) ? (us / 1000 < 10 ? (us / 1000).toFixed(2) : (us / 1000).toFixed(1)) : '–');
const mb = (b) => (Number.isFinite(b) ? (b / 2 ** 20).toFixed(0) : '–');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
function table(header, rows) {
  return [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
/** rows of [label, metric, relabValue, hpValue, formatter] -> RELAB | HP | ratio. */
function sideBySide(rows) {
  const servers = SERVERS.length === 2 ? ['relab', 'hocuspocus'] : SERVERS;
  const header = ['scenario', 'metric', ...servers.map((s) => LABEL[s]), ...(servers.length === 2 ? ['RELAB / HP'] : [])];
  return table(
    header,
    rows.map(([label, metric, vals, fmt, noRatio]) => {
      const cells = servers.map((s) => fmt(vals[s]));
      if (servers.length === 2) {
        const r = vals.relab / vals.hocuspocus;
        cells.push(noRatio || !Number.isFinite(r) ? '' : `${r.toFixed(2)}×`);
      }
      return [label, metric, ...cells];
    }),
  );
}

// ------------------------------------------------------------------ main
async function resetDatabase() {
  const admin = new pg.Client({ connectionString: `${opt.pg}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB_NAME}`);
  await admin.end();
}

/** Round trip of a one-row INSERT + commit (fsync): what a store-before-ack server waits for at least. */
async function probePostgres(n = 200) {
  const db = new pg.Client({ connectionString: DB_URL });
  await db.connect();
  await db.query('CREATE TABLE bench_probe (b bytea)'); // a logged table: the commit waits for the WAL flush
  const t = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await db.query('INSERT INTO bench_probe VALUES ($1)', [Buffer.alloc(30)]);
    t.push(performance.now() - t0);
  }
  const sync = (await db.query('SHOW synchronous_commit')).rows[0].synchronous_commit;
  await db.query('DROP TABLE bench_probe');
  await db.end();
  t.sort((a, b) => a - b);
  return { p50: t[n >> 1], p99: t[Math.floor(n * 0.99)], synchronousCommit: sync };
}

/** One run at a time on this machine: they share the database relab_bench and the CPUs. */
function takeLock() {
  const file = resolve(os.tmpdir(), 'relab-bench-realtime.lock');
  try {
    const pid = Number(readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid) {
      try {
        process.kill(pid, 0);
        console.error(`another realtime benchmark is running (pid ${pid}); wait for it to finish`);
        process.exit(2);
      } catch {
        /* stale lock */
      }
    }
  } catch {
    /* no lock */
  }
  writeFileSync(file, String(process.pid));
  process.on('exit', () => {
    try {
      if (Number(readFileSync(file, 'utf8')) === process.pid) rmSync(file);
    } catch {
      /* gone */
    }
  });
}

async function main() {
  takeLock();
  const started = new Date();
  log(`servers: ${SERVERS.join(', ')}; scenarios: ${[...SCENARIOS].join(', ')}; fan-out: ${FAN.map((c) => `${c.n}x${c.typers}`).join(', ')}; client workers: ${WORKERS}`);
  await resetDatabase();
  const pgProbe = await probePostgres();
  log(`PostgreSQL: one-row INSERT + commit p50 ${f2(pgProbe.p50)} ms, p99 ${f2(pgProbe.p99)} ms`);
  const workers = await startWorkers(WORKERS);
  CLIENT_PIDS = workers.map((w) => w.pid);
  const results = {};
  let baseline = null;
  let failure = null;
  try {
    if (SCENARIOS.has('trace')) {
      log('trace: Yjs-only baselines (3 runs each, median)');
      const info = await workers[0].call('traceLoad');
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await workers[0].call('yjsBaseline', {}));
      const batched = [];
      for (let i = 0; i < 3; i++) batched.push(await workers[0].call('yjsBaseline', { perTxn: false }));
      baseline = { ...info, ms: median(runs.map((r) => r.ms)), minMs: Math.min(...runs.map((r) => r.ms)), batchedMs: median(batched.map((r) => r.ms)), bytes: runs[0].bytes };
    }
    // Both servers run side by side (the idle one costs nothing) and the scenarios alternate between them, so
    // that noise from other work on the machine falls on both alike rather than on whichever ran second.
    const servers = {};
    const attempt = {};
    for (const kind of SERVERS) {
      const server = (servers[kind] = await new ServerProc(kind).start());
      const r = (results[kind] = { fanout: [], idleRss: procStat(server.pid)?.rss, failures: [] });
      log(`${kind}: started at ${server.url} (pid ${server.pid})`);
      // each scenario on its own: one that fails is reported, the others still run
      attempt[kind] = async (name, fn) => {
        if (/TRACE MISMATCH/.test(String(failure))) return;
        try {
          await fn(server, r);
        } catch (e) {
          failure ??= e;
          r.failures.push(`${name}: ${String(e.message ?? e).split('\n')[0]}`);
          log(`${kind}: ${name} FAILED: ${e.stack ?? e}`);
          await Promise.all(workers.map((w) => w.call('fanTeardown').catch(() => {})));
          if (server.proc.child.exitCode !== null) await server.start(); // the server died: a fresh one for the rest
        }
      };
    }
    try {
      if (SCENARIOS.has('fanout'))
        for (const cfg of FAN)
          for (const kind of SERVERS)
            await attempt[kind](`fan-out ${cfg.n}/${cfg.typers}`, async (server, r) => {
              log(`${kind}: fan-out ${cfg.n} clients, ${cfg.typers} typing`);
              const x = await fanout(server, workers, cfg);
              log(`  p50 ${ms(x.p50)} ms, p99 ${ms(x.p99)} ms, ${f0(x.deliveriesPerSec)} deliveries/s, ${f1(x.deliveredPct)} % delivered, server ${f0(x.load.serverCpuPct)} % CPU; clients ${x.clientSide.map((c) => f0(c.cpuPct) + '%').join('/')}; other processes ${f0(x.load.otherPct)} %; refused ${x.refused}`);
              r.fanout[FAN.indexOf(cfg)] = x;
            });
      if (SCENARIOS.has('trace')) {
        const runs = Object.fromEntries(SERVERS.map((k) => [k, []]));
        for (let i = 0; i < +opt['trace-runs']; i++)
          for (const kind of SERVERS)
            await attempt[kind]('trace replay', async (server) => {
              await settle(server.pid);
              const x = await trace(server, workers);
              runs[kind].push(x);
              log(`${kind}: trace replay ${i + 1}: ${f0(x.totalMs)} ms, ${x.messages} messages`);
            });
        for (const kind of SERVERS) {
          if (!runs[kind].length) continue;
          // the run with the median total time
          const sorted = [...runs[kind]].sort((a, b) => a.totalMs - b.totalMs);
          results[kind].trace = { ...sorted[(sorted.length - 1) >> 1], all: runs[kind].map((x) => x.totalMs) };
        }
      }
      if (SCENARIOS.has('cold'))
        for (const kind of SERVERS)
          await attempt[kind]('cold load', async (server, r) => {
            log(`${kind}: cold load (${opt['cold-updates']} updates)`);
            r.cold = await cold(server, workers);
            log(`  written in ${f0(r.cold.write.ms)} ms; load as written ${f0(median(r.cold.asWritten.map((x) => x.totalMs)))} ms, compacted ${f0(median(r.cold.compacted.map((x) => x.totalMs)))} ms`);
          });
    } finally {
      for (const server of Object.values(servers)) await server.stop();
    }
  } finally {
    for (const w of workers) w.child.kill();
  }
  const md = report(results, baseline, started, pgProbe);
  console.log(md);
  mkdirSync(resolve(opt.out, '..'), { recursive: true });
  writeFileSync(opt.out, md);
  writeFileSync(opt.out.replace(/\.md$/, '.json'), JSON.stringify({ started, opt, baseline, pgProbe, results }, null, 1));
  log(`written ${opt.out}`);
  if (failure) {
    console.error(`\nBENCH FAILED: ${failure.message ?? failure}`);
    process.exit(1);
  }
}

function report(R, baseline, started, pgProbe) {
  const out = [];
  const cpu = os.cpus();
  out.push(`# Realtime benchmark: RELAB vs Hocuspocus`);
  out.push('');
  out.push(`${started.toISOString()} · ${cpu.length} × ${cpu[0]?.model ?? '?'} · ${Math.round(os.totalmem() / 2 ** 30)} GiB · Node ${process.version} · ` +
    `@hocuspocus/server ${pkgVersion('@hocuspocus/server')} · yjs ${pkgVersion('yjs')} · PostgreSQL on 127.0.0.1 (database ${DB_NAME}) · ${WORKERS} client processes`);
  out.push('');
  out.push(`PostgreSQL: one-row INSERT + commit round trip p50 ${f2(pgProbe.p50)} ms, p99 ${f2(pgProbe.p99)} ms (synchronous_commit ${pgProbe.synchronousCommit}).`);
  out.push('');
  out.push('Ratios are RELAB / Hocuspocus: below 1 is better for RELAB for times, CPU and memory; above 1 is better for deliveries/s. ' +
    'Latencies are from the send time in the typing client to the receive time in every other client (one machine clock). ' +
    'RELAB acknowledges an update after it is stored in PostgreSQL; Hocuspocus after it is applied in memory (it stores debounced).');
  const has = (k) => SERVERS.some((s) => R[s]?.[k]);
  const val = (fn) => Object.fromEntries(SERVERS.map((s) => [s, R[s] ? fn(R[s]) : NaN]));
  if (has('fanout') && SERVERS.some((s) => R[s].fanout.length)) {
    out.push('', `## 1. Fan-out latency (one document; typers insert every 100 ms; ${opt.warmup} s warm-up, ${opt.window} s measured)`, '');
    const rows = [];
    FAN.forEach((cfg, i) => {
      const label = `${cfg.n} clients, ${cfg.typers} typing`;
      const v = (fn) => val((r) => (r.fanout[i] ? fn(r.fanout[i]) : NaN));
      rows.push([label, 'p50 latency (ms)', v((x) => x.p50), ms]);
      rows.push([label, 'p95 latency (ms)', v((x) => x.p95), ms]);
      rows.push([label, 'p99 latency (ms)', v((x) => x.p99), ms]);
      rows.push([label, 'deliveries/s', v((x) => x.deliveriesPerSec), f0]);
      rows.push([label, '% delivered', v((x) => x.deliveredPct), f2, true]);
      rows.push([label, 'server CPU %', v((x) => x.load.serverCpuPct), f0]);
      rows.push([label, 'server CPU µs / delivery', v((x) => x.cpuPerDeliveryUs), f1]);
      rows.push([label, 'PostgreSQL CPU %', v((x) => x.load.pgCpuPct), f0, true]);
      rows.push([label, 'server RSS peak (MB)', v((x) => x.load.peakRss), mb]);
      rows.push([label, 'update ack p50 / p99 (ms)', v((x) => `${ms(x.ackP50)} / ${ms(x.ackP99)}`), str, true]);
      rows.push([label, 'updates sent/s (target ' + cfg.typers * 10 + ')', v((x) => x.sentPerSec), f0, true]);
      rows.push([label, 'server busy after the clients left (s)', v((x) => x.settleMs / 1000), f1, true]);
      rows.push([label, 'updates refused by the server (resyncs)', v((x) => `${x.refused} (${x.resyncs})`), str, true]);
      if (R.relab?.fanout[i]?.internals) {
        const n = R.relab.fanout[i].internals;
        const cells = { relab: `${f0(n.commits / +opt.window)} INSERT/s, ${f1(n.rowsPerInsert)} rows each, commit mean ${f1(n.commitMeanMs)} ms (p50 ≤ ${n.commitP50Ms} ms, p99 ≤ ${n.commitP99Ms} ms); ${f0(n.broadcasts / +opt.window)} broadcasts/s; refused ${JSON.stringify(n.refused)}` };
        rows.push([label, 'RELAB /metrics in the window', cells, str, true]);
      }
    });
    out.push(sideBySide(rows));
    out.push('', '### Client side (was the load generator a bottleneck?)', '');
    const crow = [];
    for (const s of SERVERS)
      R[s]?.fanout.forEach((x) =>
        crow.push([LABEL[s], `${x.n}/${x.typers}`, x.clientSide.map((c) => f0(c.cpuPct)).join(' / '), x.clientSide.map((c) => f2(c.elu)).join(' / '),
          x.clientSide.map((c) => f1(c.eldP99Ms)).join(' / '), f0(x.load.machinePct), f0(x.load.serverCpuPct), f0(x.load.pgCpuPct), f0(x.load.otherPct), f0(x.connectMs)]),
      );
    out.push(table(['server', 'clients/typing', 'client CPU % per process', 'client event-loop utilisation', 'client event-loop lag p99 (ms)', 'machine CPU % (of ' + os.cpus().length * 100 + ')', 'server CPU %', 'PostgreSQL CPU %', 'other processes CPU %', 'connect all (ms)'], crow));
  }
  if (has('cold')) {
    const c = (fn) => val((r) => (r.cold ? fn(r.cold) : NaN));
    const n = SERVERS.map((s) => R[s]?.cold?.total).find(Boolean);
    out.push('', `## 2. Cold load (document of ${n} one-character updates from ${opt['cold-writers']} writers; server restarted before each load)`, '');
    out.push(sideBySide([
      ['cold load', `as written: connect → synced, median of ${opt['cold-runs']} (ms)`, c((x) => median(x.asWritten.map((y) => y.totalMs))), f0],
      ['cold load', 'as written: min / max (ms)', c((x) => minMax(x.asWritten)), str, true],
      ['cold load', `after full compaction (RELAB; Hocuspocus: same runs): median (ms)`, c((x) => median(x.compacted.map((y) => y.totalMs))), f0],
      ['cold load', 'after full compaction: min / max (ms)', c((x) => minMax(x.compacted)), str, true],
      ['cold load', 'after full compaction: median join/auth → synced (ms)', c((x) => median(x.compacted.map((y) => y.joinToSyncMs))), f0],
      ['cold load', 'client applies the state (ms)', c((x) => median(x.compacted.map((y) => y.applyMs))), f1],
      ['cold load', 'state sent to the client (kB)', c((x) => x.compacted[0]?.stateBytes / 1024), f0],
      ['writing', `time to write and ack ${n} updates (s)`, c((x) => x.write.ms / 1000), f1],
      ['writing', 'server CPU % while writing', c((x) => x.write.serverCpuPct), f0],
      ['writing', 'PostgreSQL CPU % while writing', c((x) => x.write.pgCpuPct), f0],
      ['writing', 'server RSS peak while writing (MB)', c((x) => x.write.peakRss), mb],
      ['writing', 'other processes on the machine, CPU % (noise)', c((x) => x.write.otherPct), f0, true],
      ['storage', 'rows / bytes right after writing', c((x) => fmtStorage(x.storage1)), str, true],
      ['storage', 'rows / bytes after full compaction', c((x) => fmtStorage(x.storage2)), str, true],
      ['storage', 'RELAB: wait for the compaction on unload (s)', c((x) => x.compactWaitMs / 1000), f1, true],
    ]));
  }
  if (has('trace')) {
    const t = (fn) => val((r) => (r.trace ? fn(r.trace) : NaN));
    out.push('', `## 3. Trace replay (automerge-paper: ${baseline?.txns} transactions, ${baseline?.endLength} characters; one sender, one observer)`, '');
    out.push(sideBySide([
      ['trace', `sender start → observer has endContent, median of ${opt['trace-runs']} (ms)`, t((x) => x.totalMs), f0],
      ['trace', 'all runs (ms)', t((x) => x.all.map(f0).join(', ')), str, true],
      ['trace', `ratio to Yjs alone in memory, one transaction per trace transaction (median ${f0(baseline?.ms)} ms, min ${f0(baseline?.minMs)} ms)`, t((x) => x.totalMs / baseline?.ms), (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–'), true],
      ['trace', `ratio to Yjs alone, the whole trace in one transaction (median ${f0(baseline?.batchedMs)} ms)`, t((x) => x.totalMs / baseline?.batchedMs), (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–'), true],
      ['trace', 'sender: trace applied locally at (ms)', t((x) => x.appliedMs), f0],
      ['trace', 'sender: last ack at (ms)', t((x) => x.ackedMs), f0],
      ['trace', 'messages sent (merged updates)', t((x) => x.messages), f0, true],
      ['trace', 'largest message (kB)', t((x) => x.maxBytes / 1024), f0, true],
      ['trace', 'server CPU % during replay', t((x) => x.load.serverCpuPct), f0],
      ['trace', 'PostgreSQL CPU % during replay', t((x) => x.load.pgCpuPct), f0],
      ['trace', 'server RSS peak (MB)', t((x) => x.load.peakRss), mb],
      ['trace', 'other processes on the machine, CPU % (noise)', t((x) => x.load.otherPct), f0, true],
    ]));
    out.push('', `Observer's final text === endContent: checked exactly for every server that ran (the run fails otherwise).`);
  }
  for (const srv of SERVERS) for (const f of R[srv]?.failures ?? []) out.push('', `**${LABEL[srv]} FAILED** ${f}`);
  out.push('', `Idle server RSS after start (MB): ${SERVERS.map((s) => `${LABEL[s]} ${mb(R[s]?.idleRss)}`).join(', ')}.`);
  return out.join('\n') + '\n';
}
function minMax(runs) {
  const t = runs.map((y) => y.totalMs);
  return `${f0(Math.min(...t))} / ${f0(Math.max(...t))}`;
}
function fmtStorage(s) {
  return Object.entries(s ?? {}).map(([t, v]) => `${t}: ${v.rows} / ${(v.bytes / 1024).toFixed(0)} kB`).join('; ') || '–';
}
function pkgVersion(name) {
  try {
    return JSON.parse(readFileSync(resolve(HERE, '../node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
