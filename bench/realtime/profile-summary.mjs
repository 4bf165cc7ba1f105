#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from `run.mjs --profile DIR`): self time by package/file and top functions.
import { readFileSync } from 'node:fs';
const prof = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = prof.timeDeltas;
for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (dt[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const group = (url) => {
  if (!url) return '(native/gc/idle)';
  const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  const s = /\/(server|shared|bench)\/(?:dist|src)?\/?(.*)$/.exec(url);
  return s ? `${s[1]}/${s[2]}` : url.replace(/^.*\//, '');
};
const byGroup = new Map();
const byFn = new Map();
for (const [id, us] of self) {
  const n = byId.get(id);
  const g = n.callFrame.functionName === '(idle)' ? '(idle)' : group(n.callFrame.url);
  byGroup.set(g, (byGroup.get(g) ?? 0) + us);
  const f = `${n.callFrame.functionName || '(anonymous)'} ${group(n.callFrame.url)}`;
  byFn.set(f, (byFn.get(f) ?? 0) + us);
}
const busy = total - (byGroup.get('(idle)') ?? 0);
console.log(`total ${(total / 1e6).toFixed(1)} s sampled, busy ${(busy / 1e6).toFixed(1)} s`);
const top = (m, n) => [...m].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, n);
for (const [k, v] of top(byGroup, 15)) console.log(`${((v / busy) * 100).toFixed(1).padStart(5)} %  ${k}`);
console.log('--- functions');
for (const [k, v] of top(byFn, 25)) console.log(`${((v / busy) * 100).toFixed(1).padStart(5)} %  ${k}`);
