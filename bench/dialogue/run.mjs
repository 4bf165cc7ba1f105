// Moderated-dialogue load benchmark (issue 6): M members in one dialogue, R messages per second written by
// families, every member's client following the dialogue like the web app does (a `/live` notice, then a fetch of
// everything since the last rev it holds). Two scenarios in one run, on one server:
//   baseline  post-moderation: messages are published at once
//   moderated pre-moderation: every message waits until the one moderator's client approves it
// Reported: delivery latency (sent → seen published by a member) p50 / p90 / p99 / max over every
// (message, member) pair, and that no message was lost or duplicated (a few sends are retried with the same
// client id on purpose).
//
//   pnpm bench:dialogue [--members 200] [--rate 5] [--seconds 30] [--retry-share 0.05] [--approvals-in-flight 4]
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';
import msgpackParser from 'socket.io-msgpack-parser';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const MEMBERS = arg('members', 200);
const RATE = arg('rate', 5);
const SECONDS = arg('seconds', 30);
const RETRY_SHARE = arg('retry-share', 0.05);
/** After the last send: how long to wait for every member to hold every message. */
const DRAIN_SECONDS = arg('drain', 120);
/** The moderator's approvals in flight at once (1: one click, wait for the answer, next click). */
const APPROVALS_IN_FLIGHT = arg('approvals-in-flight', 4);
const PASSWORD = 'bench-dialogue-password-2026';
const FACILITATOR = 'facilitator@demo.relab.example';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const freePort = () => new Promise((ok) => { const s = createServer(); s.listen(0, () => { const p = s.address().port; s.close(() => ok(p)); }); });
const q = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN; };
const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');

async function startServer() {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  // BENCH_PROFILE=<dir>: a V8 CPU profile of the server process, written when it stops
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', resolve(process.env.BENCH_PROFILE)] : [];
  const child = spawn(process.execPath, [...profile, 'server/dist/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env, PORT: String(port), PUBLIC_URL: url, RELAB_DATA_DIR: mkdtempSync(join(tmpdir(), 'relab-bench-dialogue-')),
      RELAB_DEMO_PASSWORD: PASSWORD, NODE_ENV: 'production', DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '', LOG_LEVEL: 'warn',
      // the bench joins a few hundred members from one address
      CODE_ATTEMPTS_PER_IP: '100000', LOGIN_MAX_PER_IP: '100000',
      // with a database server, production needs the reflection key from config (a fixed one for the bench)
      ...(process.env.BENCH_DATABASE_URL ? { RELAB_REFLECTION_KEY: Buffer.alloc(32, 7).toString('base64') } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 240; i++) {
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { url, child };
    await sleep(250);
  }
  throw new Error('server did not start');
}

/** A member's HTTP session: cookie + CSRF token. */
async function session(res) {
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  const body = await res.json();
  return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: body.csrfToken, userId: body.user.id };
}

async function api(url, s, method, path, body, okStatuses = [200, 201, 204]) {
  const res = await fetch(url + path, { method, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  if (!okStatuses.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

/** Runs `fn` over `items` with at most `n` at a time. */
async function pool(items, n, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  }));
  return out;
}

/**
 * A member's client, like the web app: follows `dialogue:<id>` on /live; on each notice (and once subscribed)
 * fetches everything since the highest rev it holds, one fetch at a time (a notice during a fetch means one more).
 */
class Member {
  constructor(url, s, memberId, dialogueId, onSeen) {
    Object.assign(this, { url, s, memberId, dialogueId, onSeen });
    this.rev = 0;
    this.messages = new Map(); // id → message
    this.fetching = false;
    this.again = false;
    this.fetches = 0;
  }

  async connect(extraTopics = []) {
    this.socket = io(`${this.url}/live`, { transports: ['websocket'], parser: msgpackParser, forceNew: true, extraHeaders: { cookie: this.s.cookie } });
    await new Promise((ok, fail) => { this.socket.once('connect', ok); this.socket.once('connect_error', fail); });
    this.socket.on('live', (n) => this.onNotice(n));
    for (const topic of [`dialogue:${this.dialogueId}`, ...extraTopics]) {
      const ack = await this.socket.timeout(10_000).emitWithAck('subscribe', topic);
      if (!ack.ok) throw new Error(`subscribe ${topic}: ${ack.code}`);
    }
    await this.sync();
  }

  onNotice(n) {
    if (n.type === 'dialogue.messages' && n.topic === `dialogue:${this.dialogueId}`) void this.sync().catch(() => undefined);
  }

  async sync() {
    if (this.fetching) {
      this.again = true;
      return;
    }
    this.fetching = true;
    try {
      do {
        this.again = false;
        let more = true;
        while (more) {
          if (this.closed) return;
          this.fetches++;
          const page = await api(this.url, this.s, 'GET', `/api/labs/${this.labId}/dialogues/${this.dialogueId}/messages?since=${this.rev}`);
          const now = performance.now();
          for (const m of page.messages) {
            this.messages.set(m.id, m);
            if (m.status === 'published' && m.body) this.onSeen(this, m, now);
          }
          this.rev = Math.max(this.rev, page.rev);
          more = page.more;
        }
      } while (this.again);
    } finally {
      this.fetching = false;
    }
  }

  close() {
    this.closed = true;
    this.socket?.disconnect();
  }

  async idle() {
    while (this.fetching) await sleep(20);
  }
}

async function scenario(name, ctx, mode) {
  const { url, labId, facilitator, families } = ctx;
  const dialogue = await api(url, facilitator, 'POST', `/api/labs/${labId}/dialogues`, {
    title: `Belasting ${name}`,
    groundRules: 'Fictieve benchmark: wees vriendelijk.',
    languages: ['nl', 'fr'],
    mode,
    participantIds: families.map((f) => f.memberId),
    moderatorIds: [],
  });
  const version = dialogue.groundRulesVersion;
  await pool([facilitator, ...families], 20, (s) => api(url, s, 'POST', `/api/labs/${labId}/dialogues/${dialogue.id}/consent`, { version }));

  // token → { sentAt, seenBy: Map(memberId → t), ids: Set(message id) }
  const sent = new Map();
  const onSeen = (member, m, now) => {
    const token = /\[(bench-[0-9a-f-]+)\]/.exec(m.body)?.[1];
    const entry = token && sent.get(token);
    if (!entry) return;
    entry.ids.add(m.id);
    if (!entry.seenBy.has(member.memberId)) entry.seenBy.set(member.memberId, now);
  };
  const clients = [facilitator, ...families].map((s) => Object.assign(new Member(url, s, s.memberId, dialogue.id, onSeen), { labId }));
  await pool(clients, 25, (c, i) => c.connect(i === 0 ? [`dialogue-mod:${dialogue.id}`] : []));

  // the moderator: approves whatever waits, as the queue notices come in
  const moderator = clients[0];
  let approving = false;
  let approveAgain = false;
  let approved = 0;
  const approveAll = async () => {
    if (approving) return void (approveAgain = true);
    approving = true;
    try {
      do {
        approveAgain = false;
        const queue = await api(url, facilitator, 'GET', `/api/labs/${labId}/dialogues/${dialogue.id}/moderation`);
        // like a moderator clicking "approve" down the queue without waiting for each answer: a few in flight
        await pool(queue.pending, APPROVALS_IN_FLIGHT, async (m) => {
          await api(url, facilitator, 'POST', `/api/labs/${labId}/dialogues/${dialogue.id}/messages/${m.id}/moderation`, { action: 'approve' }, [200, 201, 409]);
          approved++;
        });
      } while (approveAgain);
    } finally {
      approving = false;
    }
  };
  if (mode === 'pre') moderator.socket.on('live', (n) => n.type === 'dialogue.queue' && void approveAll());

  // the load: RATE messages per second from random families; some sends repeated with the same client id
  const total = Math.round(RATE * SECONDS);
  const start = performance.now();
  const sends = [];
  let retries = 0;
  let failures = 0;
  for (let i = 0; i < total; i++) {
    const at = start + (i * 1000) / RATE;
    const wait = at - performance.now();
    if (wait > 0) await sleep(wait);
    const author = families[Math.floor(Math.random() * families.length)];
    const token = `bench-${randomUUID()}`;
    const body = { clientId: randomUUID(), body: `Fictief bericht ${i + 1} [${token}]`, language: i % 2 ? 'fr' : 'nl', replyTo: null, mentions: [] };
    sent.set(token, { sentAt: performance.now(), seenBy: new Map(), ids: new Set() });
    const send = () => api(url, author, 'POST', `/api/labs/${labId}/dialogues/${dialogue.id}/messages`, body).catch(() => void failures++);
    sends.push(send());
    if (Math.random() < RETRY_SHARE) {
      retries++;
      sends.push(sleep(20).then(send)); // a client retrying after a dropped answer: same client id
    }
  }
  await Promise.all(sends);
  const sendDone = performance.now();
  // drain: until every member has seen every message, or DRAIN_SECONDS
  const expected = total * clients.length;
  const seenCount = () => [...sent.values()].reduce((n, e) => n + e.seenBy.size, 0);
  const deadline = performance.now() + DRAIN_SECONDS * 1000;
  while (seenCount() < expected && performance.now() < deadline) {
    if (mode === 'pre') await approveAll();
    await sleep(200);
  }
  // one last fetch by everyone (a lost notice would show here as a late delivery, a lost message as missing)
  await pool(clients, 25, (c) => c.sync());

  const latencies = [];
  for (const e of sent.values()) for (const t of e.seenBy.values()) latencies.push(t - e.sentAt);
  const duplicated = [...sent.values()].filter((e) => e.ids.size > 1).length;
  const result = {
    name, mode, members: clients.length, messages: total, retries, failures,
    pairs: expected, seen: seenCount(), lost: expected - seenCount(), duplicated,
    p50: q(latencies, 0.5), p90: q(latencies, 0.9), p99: q(latencies, 0.99), max: Math.max(...latencies),
    sendSeconds: (sendDone - start) / 1000, approved, fetches: clients.reduce((n, c) => n + c.fetches, 0),
  };
  for (const c of clients) c.close();
  // let fetches still under way end before the next scenario (or the server's shutdown)
  await Promise.all(clients.map((c) => c.idle()));
  result.pendingLeft = mode === 'pre' ? (await api(url, facilitator, 'GET', `/api/labs/${labId}/dialogues/${dialogue.id}/moderation`)).pending.length : 0;
  return result;
}

async function main() {
  const { url, child } = await startServer();
  try {
    const facilitator = await session(await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: FACILITATOR, password: PASSWORD }) }));
    const labs = await api(url, facilitator, 'GET', '/api/labs');
    const labId = labs[0].id;
    const members = await api(url, facilitator, 'GET', `/api/labs/${labId}/members`);
    facilitator.memberId = members.find((m) => m.userId === facilitator.userId).id;
    process.stdout.write(`joining ${MEMBERS - 1} fictional family members… `);
    const families = await pool(Array.from({ length: MEMBERS - 1 }, (_, i) => i), 10, async (i) => {
      const created = await api(url, facilitator, 'POST', `/api/labs/${labId}/invitations`, { kind: 'participant', role: 'family', language: i % 2 ? 'fr' : 'nl' });
      const s = await session(await fetch(`${url}/api/auth/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: created.code, displayName: `Familie ${String(i + 1).padStart(3, '0')}`, language: i % 2 ? 'fr' : 'nl' }) }));
      return s;
    });
    const all = await api(url, facilitator, 'GET', `/api/labs/${labId}/members`);
    for (const f of families) f.memberId = all.find((m) => m.userId === f.userId).id;
    process.stdout.write('done\n');
    const ctx = { url, labId, facilitator, families };
    const results = [];
    for (const [name, mode] of [['baseline: post-moderation', 'post'], ['pre-moderation, one moderator approving', 'pre']]) {
      process.stdout.write(`${name}: ${Math.round(RATE * SECONDS)} messages at ${RATE}/s to ${MEMBERS} members… `);
      results.push(await scenario(name, ctx, mode));
      process.stdout.write('done\n');
    }
    const rows = results.map((r) => `| ${r.name} | ${r.members} | ${r.messages} (+${r.retries} retried) | ${f0(r.p50)} | ${f0(r.p90)} | ${f0(r.p99)} | ${f0(r.max)} | ${r.seen}/${r.pairs} | ${r.lost} | ${r.pendingLeft} | ${r.duplicated} | ${r.failures} | ${r.fetches} |`);
    const base = results[0];
    const ratio = results.slice(1).map((r) => `| ${r.name} / baseline | | | ${(r.p50 / base.p50).toFixed(2)}× | ${(r.p90 / base.p90).toFixed(2)}× | ${(r.p99 / base.p99).toFixed(2)}× | ${(r.max / base.max).toFixed(2)}× | | | | | | |`);
    const table = [
      `Moderated dialogue load (${new Date().toISOString().slice(0, 10)}, ${MEMBERS} members, ${RATE} messages/s for ${SECONDS} s, ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite'}, moderator with ${APPROVALS_IN_FLIGHT} approval(s) in flight; "not delivered" = not held by a member ${DRAIN_SECONDS} s after the last send)`,
      '',
      '| scenario | members | messages | p50 ms | p90 ms | p99 ms | max ms | delivered (message × member) | not delivered | of which still awaiting approval (messages) | duplicated | send errors | fetches |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
      ...rows,
      ...ratio,
      '',
      'Latency: from the moment a family member\'s client sent the message to the moment another member\'s client (following `/live` and fetching since its last rev) held it as published; for pre-moderation this includes the moderator client\'s approval.',
    ].join('\n');
    console.log(`\n${table}\n`);
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/results/dialogue-latest.md'), table + '\n');
    writeFileSync(join(ROOT, 'bench/results/dialogue-latest.json'), JSON.stringify(results, null, 2));
    // a message the moderator has not reached yet is late, not lost; anything else missing is a failure
    if (results.some((r) => (r.lost > 0 && r.pendingLeft === 0) || r.duplicated > 0)) process.exitCode = 1;
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
