// Whiteboard benchmark (issue 5): a board with N shapes and P participants moving notes, measured in headless
// Chromium: time to open the board (navigation → every shape rendered) and frame intervals while dragging a note
// and while panning. Baseline in the same run: an empty board with nobody else on it.
//
//   pnpm bench:board [--shapes 2000] [--participants 30] [--runs 3]
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { chromium } from 'playwright-core';
import { participant } from './participant.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const SHAPES = arg('shapes', 2000);
const PARTICIPANTS = arg('participants', 30);
const RUNS = arg('runs', 3);
const PASSWORD = 'bench-board-password-2026';
const FACILITATOR = 'facilitator@demo.relab.example';

const freePort = () => new Promise((ok) => { const s = createServer(); s.listen(0, () => { const p = s.address().port; s.close(() => ok(p)); }); });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const q = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN; };
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');

async function startServer() {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, ['server/dist/main.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), PUBLIC_URL: url, RELAB_DATA_DIR: mkdtempSync(join(tmpdir(), 'relab-bench-board-')), RELAB_DEMO_PASSWORD: PASSWORD, NODE_ENV: 'production', DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 240; i++) {
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { url, child };
    await sleep(250);
  }
  throw new Error('server did not start');
}

async function login(url) {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: FACILITATOR, password: PASSWORD }) });
  const body = await res.json();
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: body.csrfToken, userId: body.user.id };
}

async function api(url, s, method, path, body) {
  const res = await fetch(url + path, { method, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** A board filled with `n` sticky notes in a grid (one known note, `target`, at the top left). */
async function makeBoard(url, s, labId, n, title) {
  const board = await api(url, s, 'POST', `/api/labs/${labId}/boards`, { title, template: 'blank', language: 'nl' });
  const writer = await participant({ url, cookie: s.cookie, doc: board.docName });
  const shapes = writer.doc.getMap('shapes');
  const cols = Math.ceil(Math.sqrt(n * 1.5));
  let target = null;
  for (let start = 0; start < n; start += 200) {
    writer.doc.transact(() => {
      for (let i = start; i < Math.min(n, start + 200); i++) {
        const id = randomUUID().replaceAll('-', '');
        if (i === 0) target = id;
        shapes.set(id, {
          id, type: 'sticky', x: (i % cols) * 190, y: Math.floor(i / cols) * 150, z: i, w: 160, h: 120,
          color: ['yellow', 'pink', 'blue', 'green'][i % 4], text: `Notitie ${i + 1}: wat we hoorden`, authorId: s.userId,
          createdAt: new Date().toISOString(), locked: false, frameId: null,
        });
      }
    });
    while (writer.stats.acked + writer.stats.refused < writer.stats.sent) await sleep(20);
  }
  if (writer.stats.refused) throw new Error(`${writer.stats.refused} batches refused`);
  writer.close();
  return { board, target };
}

/** Opens the board in a fresh context; returns ms from navigation start until every shape is rendered. */
async function openBoard(browser, url, s, labId, board, n) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const [name, value] = s.cookie.split('=');
  await context.addCookies([{ name, value, url }]);
  const page = await context.newPage();
  page.on('crash', () => console.error('page crashed'));
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('close', () => console.error('page closed'));
  await page.goto(`${url}/labs/${labId}/boards/${board.id}`);
  await page.waitForFunction((count) => document.querySelectorAll('[data-testid="board-shape-item"]').length >= count && document.querySelector('[data-testid="board-canvas"] canvas'), n, { polling: 'raf', timeout: 60_000 });
  const openMs = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(performance.now()))));
  return { page, context, openMs };
}

/** Frame intervals (rAF deltas, ms) while the mouse drags from a point, in small steps paced like a hand. */
async function dragFrames(page, from, dx, dy, steps = 90) {
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__framesOn) requestAnimationFrame(tick); };
    window.__framesOn = true;
    requestAnimationFrame(tick);
  });
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + (dx * i) / steps, from.y + (dy * i) / steps);
    await sleep(16);
  }
  await page.mouse.up();
  return page.evaluate(() => { window.__framesOn = false; return window.__frames.slice(2); });
}

async function canvasPoint(page, bx, by) {
  return page.evaluate(([x, y]) => {
    const el = document.querySelector('[data-testid="board-canvas"]');
    const r = el.getBoundingClientRect();
    const s = Number(el.dataset.scale), vx = Number(el.dataset.vx), vy = Number(el.dataset.vy);
    return { x: r.left + x * s + vx, y: r.top + y * s + vy, rect: { left: r.left, top: r.top, w: r.width, h: r.height } };
  }, [bx, by]);
}

async function scenario(browser, url, s, labId, n, participants, label) {
  const { board, target } = await makeBoard(url, s, labId, n, `Bench ${label}`);
  const others = [];
  for (let i = 0; i < participants - 1; i++) others.push(await participant({ url, cookie: s.cookie, doc: board.docName }));
  others.forEach((p) => p.start(300, target));
  const rows = [];
  for (let run = 0; run < RUNS; run++) {
    const { page, context, openMs } = await openBoard(browser, url, s, labId, board, n);
    await sleep(300);
    let note = [];
    if (target) {
      // the known note is at board (0,0)–(160,120): grab it in its middle
      const p = await canvasPoint(page, 80, 60);
      note = await dragFrames(page, p, 120, 60);
    }
    const c = await canvasPoint(page, 0, 0);
    // pan: drag on empty canvas (below the grid's last row is empty; fall back to the lower right corner)
    const pan = await dragFrames(page, { x: c.rect.left + c.rect.w - 20, y: c.rect.top + c.rect.h - 20 }, -200, -120);
    rows.push({ openMs, note, pan });
    await context.close();
  }
  const stats = others.reduce((a, p) => ({ sent: a.sent + p.stats.sent, acked: a.acked + p.stats.acked, refused: a.refused + p.stats.refused }), { sent: 0, acked: 0, refused: 0 });
  others.forEach((p) => p.close());
  const all = (k) => rows.flatMap((r) => r[k]);
  return {
    label, n, participants,
    open: q(rows.map((r) => r.openMs), 0.5), openMax: Math.max(...rows.map((r) => r.openMs)),
    note: { p50: q(all('note'), 0.5), p95: q(all('note'), 0.95), p99: q(all('note'), 0.99), frames: all('note').length },
    pan: { p50: q(all('pan'), 0.5), p95: q(all('pan'), 0.95), p99: q(all('pan'), 0.99), frames: all('pan').length },
    moves: stats,
  };
}

const { url, child } = await startServer();
try {
  const s = await login(url);
  const labs = await api(url, s, 'GET', '/api/labs');
  const labId = labs[0].id;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const results = [];
  results.push(await scenario(browser, url, s, labId, 1, 1, 'baseline: 1 note, alone'));
  results.push(await scenario(browser, url, s, labId, SHAPES, PARTICIPANTS, `${SHAPES} notes, ${PARTICIPANTS} participants`));
  await browser.close();
  const lines = [
    `Whiteboard benchmark — ${new Date().toISOString()} — headless Chromium (${RUNS} opens per scenario), 1280×800`,
    '',
    '| scenario | open: median (max) ms | drag a note: frame p50 / p95 / p99 ms | pan: frame p50 / p95 / p99 ms | others\' moves stored (refused) |',
    '|---|---|---|---|---|',
    ...results.map((r) => `| ${r.label} | ${f1(r.open)} (${f1(r.openMax)}) | ${f1(r.note.p50)} / ${f1(r.note.p95)} / ${f1(r.note.p99)} | ${f1(r.pan.p50)} / ${f1(r.pan.p95)} / ${f1(r.pan.p99)} | ${r.moves.acked} (${r.moves.refused}) |`),
    '',
    'Frame = interval between animation frames while the mouse moves (requestAnimationFrame deltas; 16.7 ms = 60 fps).',
    'Open = navigation start → every shape rendered (the accessible shape list complete and the canvas drawn, next frame).',
  ];
  console.log(lines.join('\n'));
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/board-latest.md'), lines.join('\n') + '\n');
} finally {
  child.kill('SIGTERM');
}
