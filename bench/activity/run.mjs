// Activity benchmark (issue 7): a lab with 150 members and 1,000,000 interaction events over two years. Measures
// the dashboard and network API (`GET /api/labs/:labId/activity/dashboard|network`) of the built server over HTTP,
// as the facilitator, for periods from 7 to 730 days, against a baseline in the same run (a bare
// `SELECT count(*)` of the period's events, sent straight to the database), and the network view's render time in
// headless Chromium. Target (issue 7): dashboard p95 < 200 ms for any period, network rendered < 1 s.
//
//   pnpm bench:activity [--members 150] [--events 1000000] [--runs 30] [--warmup 3] [--loads 5] [--batch 100000]
//                       [--pg postgres://postgres@127.0.0.1:5432] [--embedded] [--no-browser] [--seed-only]
//
// Database: by default a fresh database `relab_bench_activity_<random>` on the PostgreSQL server at
// `--pg` (postgres://postgres@127.0.0.1:5432), dropped at the end; `BENCH_DATABASE_URL=<url>` uses an existing
// empty database instead (kept); `--embedded` runs on the server's embedded database (PGlite), seeded while the
// server is stopped. `--seed-only` seeds, keeps the database and stops (to look at plans; drop it yourself).
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name, def) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : def;
};
const MEMBERS = Number(opt('members', 150));
const EVENTS = Number(opt('events', 1_000_000));
const DAYS = Number(opt('days', 730));
const BATCH = Number(opt('batch', 100_000));
const RUNS = Number(opt('runs', 30));
const WARMUP = Number(opt('warmup', 3));
const LOADS = Number(opt('loads', 5));
const EMBEDDED = flag('embedded');
const BROWSER = !flag('no-browser');
/** Seed, then stop: the server stops, the database (PostgreSQL server only) is kept for a look at plans; drop it yourself. */
const SEED_ONLY = flag('seed-only');
const PG_SERVER = opt('pg', 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, '');
const PASSWORD = 'bench-activity-password-2026';
const FACILITATOR = 'facilitator@demo.relab.example';
const OBSERVER = 'observer@demo.relab.example';
const TARGET_API_MS = 200;
const TARGET_RENDER_MS = 1000;
/** How the baseline and the server's queries alone reach the database. */
const DIRECT = EMBEDDED ? 'PGlite in the bench process, server stopped, no HTTP' : 'pg, no HTTP';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const freePort = () => new Promise((ok) => { const s = createServer(); s.listen(0, () => { const p = s.address().port; s.close(() => ok(p)); }); });
const q = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] : NaN; };
const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const int = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '–');
const dayOf = (ms) => new Date(ms).toISOString().slice(0, 10);
const log = (s) => process.stdout.write(s);

// ---------------------------------------------------------------------------------------------------------------
// Server and HTTP

async function startServer(dataDir, databaseUrl) {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, ['server/dist/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env, PORT: String(port), PUBLIC_URL: url, RELAB_DATA_DIR: dataDir, RELAB_DEMO_PASSWORD: PASSWORD,
      NODE_ENV: 'production', DATABASE_URL: databaseUrl ?? '', LOG_LEVEL: 'warn', LOGIN_MAX_PER_IP: '100000',
      // with a database server, production needs the reflection key from config (a fixed one for the bench)
      ...(databaseUrl ? { RELAB_REFLECTION_KEY: Buffer.alloc(32, 7).toString('base64') } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  for (let i = 0; i < 480; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) {
      return { url, child, stop: async () => { if (child.exitCode === null) { child.kill('SIGTERM'); await Promise.race([exited, sleep(15_000)]); if (child.exitCode === null) child.kill('SIGKILL'); } } };
    }
    await sleep(250);
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

async function login(url, email = FACILITATOR) {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  const body = await res.json();
  const pairs = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  return { cookie: pairs.join('; '), cookies: pairs.map((p) => { const i = p.indexOf('='); return { name: p.slice(0, i), value: p.slice(i + 1) }; }), csrf: body.csrfToken, userId: body.user.id };
}

async function getJson(url, s, path) {
  const res = await fetch(url + path, { headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** One timed GET: ms until the whole body is in, the body's size and the parsed body. */
async function timedGet(url, s, path) {
  const t0 = performance.now();
  const res = await fetch(url + path, { headers: { cookie: s.cookie } });
  const text = await res.text();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 300)}`);
  return { ms, bytes: Buffer.byteLength(text), body: JSON.parse(text) };
}

// ---------------------------------------------------------------------------------------------------------------
// CPU accounting (Linux /proc): how much of the machine was busy with something other than this benchmark (its
// process and descendants: the server, Chromium) and PostgreSQL, so a disturbed row can be told apart

const CLK_TCK = 100;
function procStat(pid) {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    return { comm: raw.slice(raw.indexOf('(') + 1, raw.lastIndexOf(')')), ppid: Number(f[1]), self: Number(f[11]) + Number(f[12]), children: Number(f[13]) + Number(f[14]) };
  } catch {
    return null;
  }
}
function cpuSnapshot() {
  try {
    const busy = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = busy.reduce((a, b) => a + b, 0) - busy[3] - busy[4]; // without idle and iowait
    const procs = new Map();
    for (const d of readdirSync('/proc')) if (/^\d+$/.test(d)) { const st = procStat(d); if (st) procs.set(Number(d), st); }
    const kids = new Map();
    for (const [pid, st] of procs) { if (!kids.has(st.ppid)) kids.set(st.ppid, []); kids.get(st.ppid).push(pid); }
    // a tree's CPU: every live process's own time, plus the root's reaped children (a reaped child's time moves there)
    const tree = (root) => {
      let sum = (procs.get(root)?.children ?? 0);
      const stack = [root];
      while (stack.length) { const pid = stack.pop(); sum += procs.get(pid)?.self ?? 0; for (const k of kids.get(pid) ?? []) { sum += procs.get(k)?.children ?? 0; stack.push(k); } }
      return sum;
    };
    const postmasters = [...procs].filter(([, st]) => st.comm === 'postgres' && st.ppid === 1).map(([pid]) => pid);
    return { at: performance.now(), total, mine: tree(process.pid), postgres: postmasters.reduce((s, pid) => s + tree(pid), 0) };
  } catch {
    return null;
  }
}
/** Between two snapshots: CPU % (of one core) of the machine, of this benchmark's processes, of PostgreSQL, of the rest. */
function cpuBetween(a, b) {
  if (!a || !b) return null;
  const secs = (b.at - a.at) / 1000;
  const pct = (j) => (100 * j) / CLK_TCK / secs;
  const machine = pct(b.total - a.total);
  const bench = pct(b.mine - a.mine);
  const postgres = pct(b.postgres - a.postgres);
  return { machine, bench, postgres, others: Math.max(0, machine - bench - postgres) };
}

// ---------------------------------------------------------------------------------------------------------------
// Database access for seeding and the baseline: `pg` on a server, PGlite (the server's own copy) when embedded

async function openPg(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return { kind: 'pg', query: async (sql, params) => (await client.query(sql, params)).rows, close: () => client.end() };
}

async function openPglite(dataDir) {
  const require = createRequire(join(ROOT, 'server/package.json'));
  const { PGlite } = require('@electric-sql/pglite');
  const db = await PGlite.create(join(dataDir, 'pgdata'));
  return { kind: 'pglite', query: async (sql, params) => (await db.query(sql, params)).rows, close: () => db.close() };
}

// ---------------------------------------------------------------------------------------------------------------
// Fictional data

/** mulberry32: the same fictional lab on every run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fictional municipalities (none of them exists). */
const MUNICIPALITIES = ['Noordveld', 'Zuidbeek', 'Oosterlo', 'Westhaven', 'Villebrune', 'Montclair-sur-Dyle'];
/** Practitioners by sector: many frontline workers, a few authorities. */
const PRACTITIONER_MIX = {
  social_worker: 14, justice_assistant: 12, prevention_worker: 12, psychologist: 9, civil_society: 10, local_police: 7,
  prison_staff: 7, lawyer: 6, religious_counsellor: 6, researcher: 5, prison_director: 3, prosecutor: 3, judge: 3,
};
/**
 * Kinds by share of events (not weight), the share of them that happens in a lab session, and whether they come
 * from case reflections (which carry life domains).
 */
const KIND_MIX = [
  ['session_co_presence', 0.30, 1.0, false],
  ['board_vote', 0.14, 0.6, false],
  ['board_group', 0.10, 0.6, false],
  ['board_connect', 0.08, 0.6, false],
  ['dialogue_reply', 0.13, 0.1, false],
  ['dialogue_mention', 0.06, 0.1, false],
  ['reflection_reply', 0.08, 0.2, true],
  ['reflection_mention', 0.04, 0.2, true],
  ['reflection_co_edit', 0.07, 0.3, true],
];
const CLUSTERS = 8;
const SESSION_EVERY_DAYS = 14;

/** The extra members (the demo lab has 7): ~30 families, ~10 returnees, practitioners, a few facilitators and observers. */
function planMembers(existing, total, rnd) {
  const want = total - existing.length;
  const count = (role) => existing.filter((m) => m.role === role).length;
  const plan = [];
  const push = (role, sector, n) => { for (let i = 0; i < n; i++) plan.push({ role, sector }); };
  push('family', null, Math.max(0, Math.round(total * 0.2) - count('family')));
  push('returnee', null, Math.max(0, Math.round(total * 0.067) - count('returnee')));
  push('facilitator', null, Math.max(0, 4 - count('facilitator')));
  push('observer', null, Math.max(0, 4 - count('observer')));
  const rest = Math.max(0, want - plan.length);
  const sectors = Object.entries(PRACTITIONER_MIX);
  const sum = sectors.reduce((s, [, w]) => s + w, 0);
  let added = 0;
  for (const [i, [sector, w]] of sectors.entries()) {
    const n = i === sectors.length - 1 ? rest - added : Math.round((rest * w) / sum);
    push('practitioner', sector, Math.max(0, Math.min(n, rest - added)));
    added += Math.max(0, Math.min(n, rest - added));
  }
  plan.length = Math.max(0, want);
  const facilitatorSectors = ['social_worker', 'prevention_worker', 'researcher'];
  return plan.map((m, i) => {
    const language = (() => { const r = rnd(); return r < 0.45 ? 'nl' : r < 0.85 ? 'fr' : 'en'; })();
    // facilitators work in a sector; observers (here) have none, so they are in no stakeholder group
    const sector = m.role === 'facilitator' ? facilitatorSectors[i % facilitatorSectors.length] : m.sector;
    const participant = m.role === 'family' || m.role === 'returnee';
    const n = String(i + 1).padStart(3, '0');
    return {
      userId: randomUUID(), memberId: randomUUID(), role: m.role, sector, language,
      municipality: rnd() < 0.9 ? MUNICIPALITIES[Math.floor(rnd() * MUNICIPALITIES.length)] : null,
      kind: participant ? 'participant' : 'professional',
      email: participant ? null : `bench.${m.role}.${n}@bench.relab.example`,
      name: participant ? `${m.role === 'family' ? 'Familielid' : 'Terugkeerder'} ${n} (fictief)` : `Bench ${m.role} ${n} (fictief)`,
    };
  });
}

async function seed(db, labId, rnd) {
  const shared = await import(pathToFileURL(join(ROOT, 'shared/dist/index.js')).href);
  const t0 = performance.now();
  const step = async (label, fn) => {
    const t = performance.now();
    log(`  ${label}… `);
    const r = await fn();
    log(`${((performance.now() - t) / 1000).toFixed(1)} s\n`);
    return r;
  };
  const existing = await db.query(`SELECT id, role FROM lab_members WHERE lab_id = $1`, [labId]);
  const plan = planMembers(existing, MEMBERS, rnd);
  await step(`${plan.length} members (lab had ${existing.length})`, async () => {
    const col = (k) => plan.map((m) => m[k]);
    await db.query(
      `INSERT INTO users (id, kind, email, display_name, language, municipality, sector)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
      [col('userId'), col('kind'), col('email'), col('name'), col('language'), col('municipality'), col('sector')],
    );
    await db.query(
      `INSERT INTO lab_members (id, lab_id, user_id, role, sector)
       SELECT m, $1, u, r, s FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[]) AS t(m, u, r, s)`,
      [labId, col('memberId'), col('userId'), col('role'), col('sector')],
    );
  });

  // every member in a stakeholder group, numbered in uuid order (so idx order = member_a < member_b order),
  // with the snapshot its events carry and a cluster (people who meet often)
  const members = await db.query(
    `SELECT lm.id, lm.role, coalesce(lm.sector, u.sector) AS sector, u.language, u.municipality
     FROM lab_members lm JOIN users u ON u.id = lm.user_id WHERE lm.lab_id = $1 ORDER BY lm.id`,
    [labId],
  );
  const eligible = [];
  for (const m of members) {
    const s = shared.stakeholderIn(shared.defaultStakeholderMapping(), { role: m.role, sector: m.sector });
    if (s) eligible.push({ ...m, group: s.group, tier: s.tier, lang: shared.languageCommunityOf(m.language), cluster: Math.floor(rnd() * CLUSTERS) });
  }
  const cpos = new Map();
  for (const m of eligible) { m.cpos = cpos.get(m.cluster) ?? 0; cpos.set(m.cluster, m.cpos + 1); }
  // activity: a random order of the members; the event generator picks low ranks far more often
  const order = eligible.map((_, i) => i).sort(() => rnd() - 0.5);
  order.forEach((idx, rank) => { eligible[idx].rank = rank + 1; });
  const N = eligible.length;
  await db.query(`DROP TABLE IF EXISTS bench_m, bench_c, bench_k, bench_s`);
  await db.query(`CREATE TEMP TABLE bench_m (idx int PRIMARY KEY, rank int UNIQUE, member_id uuid, grp text, tier smallint, lang text, muni text, cluster int, cpos int)`);
  await db.query(
    `INSERT INTO bench_m SELECT * FROM unnest($1::int[], $2::int[], $3::uuid[], $4::text[], $5::smallint[], $6::text[], $7::text[], $8::int[], $9::int[])`,
    [eligible.map((_, i) => i + 1), eligible.map((m) => m.rank), eligible.map((m) => m.id), eligible.map((m) => m.group), eligible.map((m) => m.tier), eligible.map((m) => m.lang), eligible.map((m) => m.municipality), eligible.map((m) => m.cluster), eligible.map((m) => m.cpos)],
  );
  await db.query(`CREATE UNIQUE INDEX ON bench_m (cluster, cpos)`);
  await db.query(`CREATE TEMP TABLE bench_c AS SELECT cluster, count(*)::int AS size FROM bench_m GROUP BY cluster`);
  // kinds with their default weights and cumulative shares
  let acc = 0;
  const kinds = KIND_MIX.map(([kind, share, inSession, reflective]) => { const lo = acc; acc += share; return { kind, weight: shared.DEFAULT_INTERACTION_WEIGHTS[kind], lo, hi: acc, inSession, reflective }; });
  kinds[kinds.length - 1].hi = 1.0000001;
  await db.query(`CREATE TEMP TABLE bench_k (kind text, weight real, lo float8, hi float8, in_session float8, reflective boolean)`);
  await db.query(`INSERT INTO bench_k SELECT * FROM unnest($1::text[], $2::real[], $3::float8[], $4::float8[], $5::float8[], $6::boolean[])`,
    [kinds.map((k) => k.kind), kinds.map((k) => k.weight), kinds.map((k) => k.lo), kinds.map((k) => k.hi), kinds.map((k) => k.inSession), kinds.map((k) => k.reflective)]);

  // fictional lab sessions every two weeks (all in the past, the last one 3 days ago), 18:00–20:00 UTC
  const sessions = await step('lab sessions', async () => {
    const today = Date.parse(`${dayOf(Date.now())}T00:00:00Z`);
    const series = randomUUID();
    const rows = [];
    for (let d = 3; d < DAYS; d += SESSION_EVERY_DAYS) rows.push({ id: randomUUID(), start: new Date(today - d * 86_400_000 + 18 * 3_600_000) });
    await db.query(
      `INSERT INTO lab_sessions (id, lab_id, series_id, title, starts_at, ends_at, time_zone, location, recurrence, status, started_at, ended_at)
       SELECT t.id, $1, $2, 'Labsessie ' || t.n || ' (fictief)', t.s, t.s + interval '2 hours', 'Europe/Brussels', 'Buurthuis Noordveld (fictief)', 'biweekly', 'ended', t.s, t.s + interval '2 hours'
       FROM unnest($3::uuid[], $4::timestamptz[]) WITH ORDINALITY AS t(id, s, n)`,
      [labId, series, rows.map((r) => r.id), rows.map((r) => r.start.toISOString())],
    );
    await db.query(`CREATE TEMP TABLE bench_s AS SELECT (row_number() OVER (ORDER BY starts_at) - 1)::int AS pos, id, starts_at FROM lab_sessions WHERE lab_id = $1 AND starts_at < now()`, [labId]);
    return (await db.query(`SELECT count(*)::int AS n FROM bench_s`))[0].n;
  });

  // every possible pair of the lab's members with its number (as the server numbers pairs) and class, and every
  // member's activity number and snapshot; pairs without events are removed after the events are in
  await step('activity_members and activity_pairs (numbers, snapshots, classes)', async () => {
    await db.query(
      `INSERT INTO activity_members (lab_id, member_id, seq, group_id, tier, lang) SELECT $1, member_id, idx, grp, tier, lang FROM bench_m`,
      [labId],
    );
    await db.query(
      `INSERT INTO activity_pairs (lab_id, member_a, member_b, seq, first_day, cls)
       SELECT $1, a.member_id, b.member_id, row_number() OVER (ORDER BY a.idx, b.idx), CURRENT_DATE,
              (CASE WHEN a.tier <> b.tier THEN 1 ELSE 0 END) | (CASE WHEN a.grp = b.grp THEN 2 ELSE 0 END) | (CASE WHEN a.lang = b.lang THEN 4 ELSE 0 END)
       FROM bench_m a JOIN bench_m b ON a.idx < b.idx`,
      [labId],
    );
  });

  // the events, generated in SQL in batches. Member a: rank ~ N·u^1.6 (a few members are far more active);
  // member b: 65 % from a's cluster, else anyone (again skewed). Sessions: a kind's share of events happen in a
  // session (that day, 18:00–20:00 UTC), the rest on any day of the batch's days. The batches go from the oldest
  // days to today and each is written in time order, so the table's rows lie in time order as a lab's events do
  // (a session's events sit together, as they would; random days would scatter them over the whole table).
  const todayUtc = `${dayOf(Date.now())}T00:00:00Z`;
  const sessionAgo = (await db.query(`SELECT pos, ($1::date - (starts_at AT TIME ZONE 'UTC')::date) AS ago FROM bench_s ORDER BY pos`, [todayUtc.slice(0, 10)])).map((r) => ({ pos: r.pos, ago: Number(r.ago) }));
  const batches = Math.ceil(EVENTS / BATCH);
  const eventsT = performance.now();
  for (let start = 1, b = 0; start <= EVENTS; start += BATCH, b++) {
    const end = Math.min(EVENTS, start + BATCH - 1);
    // days ago [lo, hi) of this batch, oldest batch first; the sessions held on those days
    const hi = Math.round((DAYS * (batches - b)) / batches);
    const lo = Math.round((DAYS * (batches - b - 1)) / batches);
    const inSlice = sessionAgo.filter((x) => x.ago >= lo && x.ago < hi);
    const sLo = inSlice.length ? Math.min(...inSlice.map((x) => x.pos)) : 0;
    await step(`events ${int(start)}–${int(end)}`, () => db.query(
      `INSERT INTO interaction_events (lab_id, occurred_at, day, kind, weight, session_id, member_a, member_b, pair, cls,
         group_a, tier_a, lang_a, municipality_a, group_b, tier_b, lang_b, municipality_b, life_domains, source)
       SELECT $1, e.at, (e.at AT TIME ZONE 'UTC')::date, e.kind, e.weight, e.session_id, a.member_id, b.member_id, p.seq, p.cls,
              a.grp, a.tier, a.lang, a.muni, b.grp, b.tier, b.lang, b.muni, e.domains, 'bench:' || e.n
       FROM (
         SELECT x.n, x.kind, x.weight, s.id AS session_id,
                least(x.ia, coalesce(mc.idx, mr.idx)) AS lo, greatest(x.ia, coalesce(mc.idx, mr.idx)) AS hi,
                CASE WHEN s.id IS NOT NULL THEN s.starts_at + x.rt * interval '2 hours'
                     WHEN x.rday = 0 THEN $5::timestamptz + x.rt * (now() - $5::timestamptz)
                     ELSE $5::timestamptz - x.rday * interval '1 day' + x.rt * interval '1 day' END AS at,
                CASE WHEN NOT x.reflective OR x.rd < 0.2 THEN '{}'::text[]
                     WHEN x.rd < 0.6 THEN ARRAY[($6::text[])[1 + x.d1]]
                     ELSE ARRAY[($6::text[])[1 + x.d1], ($6::text[])[1 + (x.d1 + 1 + floor(x.rd2 * 7)::int) % 8]] END AS domains
         FROM (
           SELECT g.*, k.kind, k.weight, k.reflective, g.rs < k.in_session AS in_session, ma.idx AS ia,
                  -- member b: someone else from a's cluster, or anyone (skewed, not a)
                  CASE WHEN g.same AND c.size > 1 THEN ma.cluster END AS b_cluster,
                  CASE WHEN g.same AND c.size > 1 THEN (ma.cpos + 1 + floor(g.rb * (c.size - 1))::int) % c.size END AS b_cpos,
                  CASE WHEN g.same AND c.size > 1 THEN NULL
                       WHEN 1 + floor($4::int * power(g.rb, 1.3))::int = g.ra THEN g.ra % $4::int + 1
                       ELSE 1 + floor($4::int * power(g.rb, 1.3))::int END AS b_rank
           FROM (
             SELECT n, 1 + floor($4::int * power(random(), 1.6))::int AS ra, random() AS rb, random() < 0.65 AS same,
                    random() AS rk, random() AS rs, $9::int + floor(random() * $8::int)::int AS sp, random() AS rt,
                    $10::int + floor(random() * ($7::int - $10::int))::int AS rday, random() AS rd, floor(random() * 8)::int AS d1, random() AS rd2
             FROM generate_series($2::int, $3::int) AS n
           ) g
           JOIN bench_k k ON g.rk >= k.lo AND g.rk < k.hi
           JOIN bench_m ma ON ma.rank = g.ra
           JOIN bench_c c ON c.cluster = ma.cluster
         ) x
         LEFT JOIN bench_m mc ON mc.cluster = x.b_cluster AND mc.cpos = x.b_cpos
         LEFT JOIN bench_m mr ON mr.rank = x.b_rank
         LEFT JOIN bench_s s ON x.in_session AND $8::int > 0 AND s.pos = x.sp
       ) e
       JOIN bench_m a ON a.idx = e.lo
       JOIN bench_m b ON b.idx = e.hi
       JOIN activity_pairs p ON p.lab_id = $1 AND p.member_a = a.member_id AND p.member_b = b.member_id
       ORDER BY e.at`,
      [labId, start, end, N, todayUtc, [...shared.LIFE_DOMAINS], hi, inSlice.length, sLo, lo],
    ));
  }
  const eventsMs = performance.now() - eventsT;
  await step('activity_pairs (first day of every pair; pairs without events removed)', async () => {
    await db.query(
      `UPDATE activity_pairs p SET first_day = f.first FROM (SELECT pair, min(day) AS first FROM interaction_events WHERE lab_id = $1 GROUP BY pair) f
       WHERE p.lab_id = $1 AND p.seq = f.pair`, [labId]);
    await db.query(`DELETE FROM activity_pairs p WHERE p.lab_id = $1 AND NOT EXISTS (SELECT 1 FROM interaction_events e WHERE e.lab_id = $1 AND e.pair = p.seq)`, [labId]);
  });
  // the server's own rebuild SQL (server/dist), as after a bulk import
  const rollups = await import(pathToFileURL(join(ROOT, 'server/dist/modules/activity/rollups.js')).href);
  await step('pre-aggregates: activity_spans (bitmaps per day, week, month) and activity_pair_months, rebuilt by the server\'s SQL', async () => {
    for (const sql of rollups.REBUILD) await db.query(sql, [labId]);
    for (const span of rollups.SPANS) await db.query(rollups.APPLY_SPAN, [labId, null, rollups.GROUP_ORDER, span]);
    await db.query(rollups.APPLY_PAIR_MONTHS, [labId, null]);
  });
  // VACUUM sets the visibility map, as autovacuum would on a table this old: the dashboard's index-only scans need it
  await step('VACUUM (ANALYZE)', async () => {
    for (const t of ['interaction_events', 'activity_pairs', 'activity_members', 'activity_spans', 'activity_pair_months', 'lab_members', 'users', 'lab_sessions']) await db.query(`VACUUM (ANALYZE) ${t}`);
  });
  const stats = (await db.query(
    `SELECT (SELECT count(*) FROM interaction_events WHERE lab_id = $1)::int AS events,
            (SELECT count(*) FROM activity_pairs WHERE lab_id = $1)::int AS pairs,
            (SELECT count(*) FROM activity_members WHERE lab_id = $1)::int AS pseudonyms,
            (SELECT count(*) FROM lab_members WHERE lab_id = $1)::int AS members,
            (SELECT count(*) FROM interaction_events WHERE lab_id = $1 AND session_id IS NULL)::int AS without_session,
            (SELECT count(*) FROM interaction_events WHERE lab_id = $1 AND life_domains <> '{}')::int AS with_domains,
            (SELECT min(day)::text FROM interaction_events WHERE lab_id = $1) AS first_day,
            (SELECT max(day)::text FROM interaction_events WHERE lab_id = $1) AS last_day,
            pg_size_pretty(pg_total_relation_size('interaction_events')) AS table_size`, [labId]))[0];
  // the session with the most events, and a life domain: the filter rows
  const session = (await db.query(`SELECT session_id::text AS id, count(*)::int AS n FROM interaction_events WHERE lab_id = $1 AND session_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1`, [labId]))[0];
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, eventsSeconds: eventsMs / 1000, sessions, inGroups: N, stats, sessionId: session.id, sessionEvents: session.n };
}

// ---------------------------------------------------------------------------------------------------------------
// The server's two aggregate queries, with their exact SQL: captured from the built AnalyticsService with a
// recording stand-in for the database (the benchmark never copies them)

async function serverQueries(labId, period) {
  const { AnalyticsService } = await import(pathToFileURL(join(ROOT, 'server/dist/modules/activity/analytics.service.js')).href);
  const captured = [];
  const db = { query: async (sql, params) => { captured.push({ sql, params }); return []; } };
  const settings = { get: async () => ({ kAnonymity: 3, bondingRequiresSameLanguage: false }) };
  const analytics = new AnalyticsService(db, settings);
  await analytics.dashboard(labId, period);
  await analytics.network(labId, period, 'members');
  // the dashboard's one aggregate query (day pre-aggregates) and the network's (pair-month sums + edge days)
  const series = captured.find((c) => /activity_spans/.test(c.sql));
  const pairs = captured.find((c) => /activity_pair_months/.test(c.sql));
  return { pairs, series };
}

/** Median and max of `runs` executions of one of the server's queries on its own (one connection, no HTTP). */
async function timeQuery(db, query, runs) {
  for (let i = 0; i < Math.min(2, runs); i++) await db.query(query.sql, query.params);
  const ms = [];
  for (let i = 0; i < runs; i++) { const t = performance.now(); await db.query(query.sql, query.params); ms.push(performance.now() - t); }
  return ms;
}

// ---------------------------------------------------------------------------------------------------------------
// Chromium

/**
 * One load of the activity page in a fresh browser context: ms from navigation start until the network is drawn.
 * `warm`: the page is opened once first in the same context (app code in the HTTP cache, as when a user comes
 * back to the view), and the second opening is measured.
 */
async function renderNetwork(browser, url, s, labId, period, { warm = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies(s.cookies.map((c) => ({ ...c, url })));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // the moment the drawing is announced, from the page's own clock (0 = navigation start)
  await page.addInitScript(() => {
    const check = () => {
      const el = document.querySelector('[data-testid="activity-network"]');
      if (el && el.getAttribute('data-rendered') === 'true' && !window.__rendered) {
        window.__rendered = { at: performance.now(), nodes: Number(el.getAttribute('data-nodes')), edges: Number(el.getAttribute('data-edges')) };
      }
      if (el && el.getAttribute('data-error') && !window.__renderError) window.__renderError = el.getAttribute('data-error');
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-rendered', 'data-error'] });
  });
  const open = async () => {
    await page.goto(`${url}/labs/${labId}/activity?from=${period.from}&to=${period.to}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__rendered || window.__renderError, null, { timeout: 120_000, polling: 50 });
  };
  if (warm) await open();
  const cpu0 = cpuSnapshot();
  await open();
  const cpu = cpuBetween(cpu0, cpuSnapshot());
  const r = await page.evaluate(() => {
    const res = performance.getEntriesByType('resource');
    const entry = (re) => res.find((e) => re.test(e.name)) ?? null;
    const network = entry(/\/activity\/network\?/);
    const dashboard = entry(/\/activity\/dashboard\?/);
    return {
      rendered: window.__rendered ?? null, error: window.__renderError ?? null,
      networkStart: network?.startTime ?? null, networkEnd: network?.responseEnd ?? null, dashboardEnd: dashboard?.responseEnd ?? null,
    };
  });
  await context.close();
  if (r.error) throw new Error(`network not drawn: data-error=${r.error}`);
  if (errors.length) console.error('page errors:', errors.join('; '));
  return { ms: r.rendered.at, nodes: r.rendered.nodes, edges: r.rendered.edges, networkStart: r.networkStart, networkEnd: r.networkEnd, dashboardEnd: r.dashboardEnd, cpu };
}

// ---------------------------------------------------------------------------------------------------------------

// Cleanup on any exit path (an error, Ctrl-C, a closed pipe): the server, Chromium, the database we created.
const cleanups = [];
let cleaning = null;
let failed = false;
const cleanup = () => (cleaning ??= (async () => { for (const fn of cleanups.reverse()) await fn().catch((e) => console.error(`cleanup: ${e.message}`)); })());
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void ((failed = true), cleanup()).finally(() => process.exit(130)));
process.stdout.on('error', () => undefined);

async function main() {
  const started = new Date();
  const dataDir = mkdtempSync(join(tmpdir(), 'relab-bench-activity-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  const rnd = prng(7);
  let databaseUrl = null;
  if (!EMBEDDED) {
    if (process.env.BENCH_DATABASE_URL) databaseUrl = process.env.BENCH_DATABASE_URL;
    else {
      const dbName = `relab_bench_activity_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${dbName}`);
      cleanups.push(async () => {
        if (SEED_ONLY && !failed) return void (await admin.end(), log(`kept ${dbName} (${PG_SERVER}/${dbName}): DROP DATABASE ${dbName} when done\n`));
        await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((e) => console.error(`could not drop ${dbName}: ${e.message}`));
        await admin.end();
      });
      databaseUrl = `${PG_SERVER}/${dbName}`;
    }
  }
  const where = EMBEDDED ? 'embedded PGlite' : `PostgreSQL server (${databaseUrl.replace(/\/\/[^@/]*@/, '//')})`;
  log(`database: ${where}\n`);
  let server = null;
  let db = null;
  let browser = null;
  cleanups.push(async () => { await browser?.close(); await db?.close(); await server?.stop(); });

  log('starting the server (migrations, demo lab)… ');
  server = await startServer(dataDir, databaseUrl);
  log('done\n');
  let s = await login(server.url);
  const labId = (await getJson(server.url, s, '/api/labs'))[0].id;

  log(`seeding ${MEMBERS} members and ${int(EVENTS)} events over ${DAYS} days:\n`);
  if (EMBEDDED) {
    await server.stop();
    db = await openPglite(dataDir);
  } else db = await openPg(databaseUrl);
  const seeded = await seed(db, labId, rnd);
  log(`seeded in ${seeded.seconds.toFixed(1)} s (events ${seeded.eventsSeconds.toFixed(1)} s): ${JSON.stringify(seeded.stats)}\n`);
  const dbVersion = (await db.query(`SELECT version() AS v`))[0].v;
  if (SEED_ONLY) return void log(`lab ${labId}\n`);

  const today = dayOf(Date.now());
  const ago = (n) => dayOf(Date.parse(`${today}T00:00:00Z`) - (n - 1) * 86_400_000);
  const periods = [7, 30, 90, 365, DAYS].map((n) => ({ label: `last ${n} days`, days: n, from: ago(n), to: today }));
  const all = periods[periods.length - 1];

  // Straight to the database, one query at a time, per period: the baseline (the floor cost of touching the
  // period's rows) and the server's two aggregate queries alone (to tell SQL from the rest of a request).
  // Embedded: measured now, while the server is stopped (PGlite holds one connection).
  const baselineSql = `SELECT count(*)::int AS n FROM interaction_events WHERE lab_id = $1 AND day BETWEEN $2::date AND $3::date`;
  const direct = new Map();
  const explain = {};
  const measureDirect = async (p) => {
    log(`${p.label}: baseline and the server's queries alone… `);
    const baseline = await timeQuery(db, { sql: baselineSql, params: [labId, p.from, p.to] }, RUNS);
    const events = (await db.query(baselineSql, [labId, p.from, p.to]))[0].n;
    const week = await serverQueries(labId, { from: p.from, to: p.to, bucket: 'week' });
    const month = await serverQueries(labId, { from: p.from, to: p.to, bucket: 'month' });
    const runs = Math.min(RUNS, 10);
    const out = { events, baseline, pairs: await timeQuery(db, week.pairs, runs), seriesWeek: await timeQuery(db, week.series, runs), seriesMonth: await timeQuery(db, month.series, runs) };
    direct.set(p.label, out);
    if (p === all) {
      for (const [name, qy] of [['network pairs', week.pairs], ['dashboard (week)', week.series], ['dashboard (month)', month.series]]) {
        explain[name] = { sql: qy.sql, params: qy.params, plan: (await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${qy.sql}`, qy.params)).map((r) => r['QUERY PLAN']).join('\n') };
      }
    }
    log(`count ${f1(q(baseline, 0.5))} ms, pairs ${f0(q(out.pairs, 0.5))} ms, series ${f0(q(out.seriesWeek, 0.5))} / ${f0(q(out.seriesMonth, 0.5))} ms\n`);
  };
  if (EMBEDDED) {
    for (const p of periods) await measureDirect(p);
    await db.close();
    db = null;
    log('restarting the server… ');
    server = await startServer(dataDir, null);
    s = await login(server.url);
    log('done\n');
  }
  const observer = await login(server.url, OBSERVER);
  const load = { before: loadavg()[0] };

  // the API over HTTP: warm-up, then RUNS sequential requests of each
  const dash = (p, bucket, extra = '') => `/api/labs/${labId}/activity/dashboard?from=${p.from}&to=${p.to}&bucket=${bucket}${extra}`;
  const net = (p, extra = '') => `/api/labs/${labId}/activity/network?from=${p.from}&to=${p.to}${extra}`;
  const cases = [];
  for (const p of periods) {
    cases.push({ api: 'dashboard', period: p, bucket: 'week', label: p.label, path: dash(p, 'week') });
    cases.push({ api: 'dashboard', period: p, bucket: 'month', label: p.label, path: dash(p, 'month') });
    if (p.days >= 90) cases.push({ api: 'dashboard', as: 'observer', period: p, bucket: 'week', label: p.label, path: dash(p, 'week') });
    cases.push({ api: 'network', period: p, label: p.label, path: net(p) });
  }
  const sessionLabel = `${all.label}, sessionId (busiest session, ${int(seeded.sessionEvents)} events)`;
  const domainLabel = `${all.label}, lifeDomain=housing`;
  cases.push({ api: 'dashboard', period: all, bucket: 'week', label: sessionLabel, filter: 'session', path: dash(all, 'week', `&sessionId=${seeded.sessionId}`) });
  cases.push({ api: 'network', period: all, label: sessionLabel, filter: 'session', path: net(all, `&sessionId=${seeded.sessionId}`) });
  cases.push({ api: 'dashboard', period: all, bucket: 'week', label: domainLabel, filter: 'lifeDomain', path: dash(all, 'week', '&lifeDomain=housing') });
  cases.push({ api: 'network', period: all, label: domainLabel, filter: 'lifeDomain', path: net(all, '&lifeDomain=housing') });

  const results = [];
  for (const p of periods) {
    if (!EMBEDDED) await measureDirect(p);
    for (const c of cases.filter((c) => c.period === p && !c.filter)) results.push(await measureCase(server.url, c.as === 'observer' ? observer : s, c));
  }
  for (const c of cases.filter((c) => c.filter)) results.push(await measureCase(server.url, s, c));

  // the network view in Chromium
  const renders = [];
  if (BROWSER) {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    for (const p of [periods.find((x) => x.days === 90), all].filter(Boolean)) {
      for (const warm of [false, true]) {
        const label = `${p.label}, ${warm ? 'app code cached (second opening)' : 'first opening (nothing cached)'}`;
        log(`network view in Chromium, ${label}: warm-up + ${LOADS} loads… `);
        await renderNetwork(browser, server.url, s, labId, p, { warm });
        const loads = [];
        for (let i = 0; i < LOADS; i++) loads.push(await renderNetwork(browser, server.url, s, labId, p, { warm }));
        renders.push({ label, days: p.days, warm, from: p.from, to: p.to, loads });
        log(`${loads.map((l) => f0(l.ms)).join(', ')} ms\n`);
      }
    }
    await browser.close();
    browser = null;
  }
  load.after = loadavg()[0];
  await server.stop();

  const md = report({ started, where, dbVersion, seeded, periods, direct, results, renders, explain, load });
  console.log(`\n${md}\n`);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const stamp = started.toISOString().slice(0, 10);
  const ms1 = (xs) => xs.map((x) => Math.round(x * 10) / 10);
  const sum = (xs) => ({ p50: q(xs, 0.5), p95: q(xs, 0.95), max: Math.max(...xs), samples: ms1(xs) });
  const json = {
    date: started.toISOString(), database: where, postgres: dbVersion, node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model,
    config: { members: MEMBERS, events: EVENTS, days: DAYS, runs: RUNS, warmup: WARMUP, loads: LOADS },
    targets: { dashboardP95Ms: TARGET_API_MS, networkRenderMs: TARGET_RENDER_MS },
    loadAverage1m: load,
    seed: seeded,
    api: results.map(({ samples, ...r }) => ({ ...r, samples: ms1(samples) })),
    direct: Object.fromEntries([...direct].map(([k, v]) => [k, { events: v.events, baselineCount: sum(v.baseline), pairs: sum(v.pairs), seriesWeek: sum(v.seriesWeek), seriesMonth: sum(v.seriesMonth) }])),
    explain730: explain,
    render: renders,
  };
  writeFileSync(join(ROOT, `bench/results/activity-${stamp}.json`), JSON.stringify(json, null, 2) + '\n');
  writeFileSync(join(ROOT, `bench/results/activity-${stamp}.md`), md + '\n');
  log(`written: bench/results/activity-${stamp}.json and .md\n`);
}

async function measureCase(url, s, c) {
  const who = c.as ?? 'facilitator';
  log(`${c.api} ${c.label}${c.bucket ? ` (${c.bucket})` : ''}${c.as ? ` as ${c.as}` : ''}… `);
  let last;
  for (let i = 0; i < WARMUP; i++) last = await timedGet(url, s, c.path);
  const samples = [];
  const cpu0 = cpuSnapshot();
  for (let i = 0; i < RUNS; i++) { last = await timedGet(url, s, c.path); samples.push(last.ms); }
  const cpu = cpuBetween(cpu0, cpuSnapshot());
  const b = last.body;
  const out = {
    api: c.api, as: who, label: c.label, from: c.period.from, to: c.period.to, days: c.period.days, bucket: c.bucket ?? null, filter: c.filter ?? null,
    p50: q(samples, 0.5), p95: q(samples, 0.95), max: Math.max(...samples), bytes: last.bytes, cpu, samples,
    ...(c.api === 'dashboard'
      ? { events: b.totals.events, ties: b.totals.ties, members: b.totals.members, buckets: b.series.length, brokers: b.brokers?.length ?? null, totals: b.totals, eiOverall: b.eiOverall, crossLanguageShare: b.crossLanguageShare }
      : { nodes: b.nodes.length, edges: b.edges.length, view: b.view }),
  };
  log(`p50 ${f0(out.p50)} / p95 ${f0(out.p95)} ms${cpu ? `, others' CPU ${f0(cpu.others)} %` : ''}\n`);
  return out;
}

const cpuCell = (c) => (c ? `${f0(c.bench)} / ${f0(c.postgres)} / ${f0(c.others)}` : '–');

function report({ started, where, dbVersion, seeded, periods, direct, results, renders, explain, load }) {
  const st = seeded.stats;
  const lines = [
    `## Activity dashboard and network — ${started.toISOString()}`,
    '',
    `${MEMBERS} members (${seeded.inGroups} in a stakeholder group), ${int(st.events)} interaction events over ${DAYS} days (${st.first_day} … ${st.last_day}), ` +
      `${int(st.pairs)} pairs, ${seeded.sessions} lab sessions; ${int(st.without_session)} events without a session, ${int(st.with_domains)} with life domains; ` +
      `interaction_events with indexes ${st.table_size}. Database: ${where}, ${dbVersion.split(' on ')[0]}. ${cpus().length} CPUs, Node ${process.version}. ` +
      `Seeding: ${seeded.seconds.toFixed(0)} s (events ${seeded.eventsSeconds.toFixed(0)} s). ` +
      `Load average (1 min) when the HTTP measurements started / at the end: ${load.before.toFixed(2)} / ${load.after.toFixed(2)}.`,
    '',
    (() => {
      const t = results.find((r) => r.api === 'dashboard' && r.days === DAYS && !r.filter && r.as === 'facilitator')?.totals;
      return t ? `Over ${DAYS} days the dashboard finds: bonding ${t.bonding.ties} ties (share of weight ${t.bonding.share}), bridging ${t.bridging.ties} (${t.bridging.share}), linking ${t.linking.ties} (${t.linking.share}).` : '';
    })(),
    '',
    `### API over HTTP (${WARMUP} warm-up then ${RUNS} sequential requests each; target: dashboard p95 < ${TARGET_API_MS} ms)`,
    '',
    '| request | period | bucket | p50 ms | p95 ms | max ms | p95 vs target | events | ties | nodes / edges | response | CPU %: server+bench / PostgreSQL / others |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const row = (r) => {
    const name = r.api === 'dashboard' ? `dashboard${r.as === 'observer' ? ' (observer)' : ''}` : `network${r.as === 'observer' ? ' (observer)' : ''}`;
    const verdict = r.api === 'dashboard' && r.as !== 'observer' ? (r.p95 < TARGET_API_MS ? 'ok' : `**+${f0(r.p95 - TARGET_API_MS)} ms**`) : '';
    return `| ${name} | ${r.label} | ${r.bucket ?? ''} | ${f0(r.p50)} | ${f0(r.p95)} | ${f0(r.max)} | ${verdict} | ${r.api === 'dashboard' ? int(r.events) : ''} | ${r.api === 'dashboard' ? int(r.ties) : ''} | ${r.api === 'network' ? `${r.nodes} / ${int(r.edges)}` : ''} | ${f1(r.bytes / 1024)} KiB | ${cpuCell(r.cpu)} |`;
  };
  for (const p of periods) {
    const d = direct.get(p.label);
    lines.push(`| baseline: \`SELECT count(*)\` of the period (${DIRECT}) | ${p.label} | | ${f1(q(d.baseline, 0.5))} | ${f1(q(d.baseline, 0.95))} | ${f1(Math.max(...d.baseline))} | | ${int(d.events)} | | | | |`);
    for (const r of results.filter((r) => r.label === p.label && !r.filter)) lines.push(row(r));
  }
  for (const r of results.filter((r) => r.filter)) lines.push(row(r));
  lines.push('', 'Time = request sent → whole body received (Node fetch from the same machine, keep-alive), as the facilitator unless said otherwise. ' +
    'events / ties = the dashboard\'s totals; nodes / edges = the network returned. The facilitator\'s network includes the brokers (betweenness), the observer\'s (groups) does not. ' +
    `CPU: % of one core during the ${RUNS} requests (${cpus().length} cores = ${cpus().length * 100} %), from /proc: the server and this benchmark, PostgreSQL (all its processes), and everything else on the machine — a row with a large "others" share was disturbed.`);

  lines.push('', `### The server's two aggregate queries alone (${DIRECT}, one connection; ${Math.min(RUNS, 10)} runs after 2 warm-ups; SQL captured from the built AnalyticsService)`, '',
    '| period | events | baseline count(*) p50 ms | network `pairs` p50 / max ms | dashboard query, week p50 / max ms | dashboard query, month p50 / max ms |', '|---|---|---|---|---|---|');
  for (const p of periods) {
    const d = direct.get(p.label);
    const pm = (xs) => `${f0(q(xs, 0.5))} / ${f0(Math.max(...xs))}`;
    lines.push(`| ${p.label} | ${int(d.events)} | ${f1(q(d.baseline, 0.5))} | ${pm(d.pairs)} | ${pm(d.seriesWeek)} | ${pm(d.seriesMonth)} |`);
  }
  lines.push('', 'The dashboard runs one aggregate query on the day pre-aggregates (bitmaps), plus a small one on `activity_pairs` for new ties; the network runs `pairs` (pair-month sums and the events of the edge days) and computes the brokers (graphology) in Node.');
  if (Object.keys(explain).length) {
    lines.push('', `EXPLAIN (ANALYZE, BUFFERS), ${periods[periods.length - 1].label}:`);
    for (const [k, v] of Object.entries(explain)) lines.push('', `\`${k}\`:`, '', '```', v.plan, '```');
  }
  if (renders.length) {
    lines.push('', `### Network view in headless Chromium (${LOADS} loads each after one warm-up, a fresh browser context each, 1280×900; target < ${TARGET_RENDER_MS} ms)`, '',
      '| period | rendered p50 ms | rendered max ms | vs target (max) | network API requested at (p50 ms) | network API received at (p50 ms) | received → rendered (p50 ms) | dashboard API received at (p50 ms) | nodes / edges drawn | CPU %: server+bench+Chromium / PostgreSQL / others (p50) |',
      '|---|---|---|---|---|---|---|---|---|---|');
    for (const r of renders) {
      const ms = r.loads.map((l) => l.ms);
      const max = Math.max(...ms);
      const p50 = (k) => q(r.loads.map((l) => l[k]).filter((x) => x !== null), 0.5);
      lines.push(`| ${r.label} | ${f0(q(ms, 0.5))} | ${f0(max)} | ${max < TARGET_RENDER_MS ? 'ok' : `**+${f0(max - TARGET_RENDER_MS)} ms**`} | ${f0(p50('networkStart'))} | ${f0(p50('networkEnd'))} | ${f0(q(r.loads.map((l) => l.ms - l.networkEnd), 0.5))} | ${f0(p50('dashboardEnd'))} | ${r.loads[0].nodes} / ${int(r.loads[0].edges)} | ${r.loads.every((l) => l.cpu) ? cpuCell({ bench: q(r.loads.map((l) => l.cpu.bench), 0.5), postgres: q(r.loads.map((l) => l.cpu.postgres), 0.5), others: q(r.loads.map((l) => l.cpu.others), 0.5) }) : '–'} |`);
    }
    lines.push('', 'Times from navigation start (page clock). Rendered = `[data-testid="activity-network"][data-rendered="true"]` appeared (MutationObserver). ' +
      'The page loads the app and the lab, then fetches the dashboard and the network at the same time; received → rendered is parsing, layout (ForceAtlas2) and the first sigma draw. ' +
      '"First opening": a fresh browser context, nothing cached; "app code cached": the page opened a second time in the same context (the app\'s files from the HTTP cache, every API request made again).');
  }
  return lines.join('\n');
}

main().then(
  () => cleanup(),
  async (e) => {
    console.error(e);
    failed = true;
    await cleanup();
    process.exitCode = 1;
  },
);
