// Runs the server suite against the PostgreSQL server when TEST_DATABASE_URL is set (CI), and then
// once more against the embedded database, so the same suite passes both ways. Extra args go to jest.
import { spawnSync } from 'node:child_process';

const jest = ['--experimental-vm-modules', '../node_modules/jest/bin/jest.js', '--runInBand', ...process.argv.slice(2)];
const run = (label, env, extra = []) => {
  process.stdout.write(`\n== server tests against ${label} ==\n`);
  return spawnSync(process.execPath, [...jest, ...extra], { stdio: 'inherit', env }).status ?? 1;
};

const { TEST_DATABASE_URL, ...withoutServer } = process.env;
let status = 0;
if (TEST_DATABASE_URL) status ||= run(`PostgreSQL server (${new URL(TEST_DATABASE_URL).host})`, process.env);
// several processes sharing one database need a database server: the scale-out suite runs in the first pass only
const embeddedArgs = ['--testPathIgnorePatterns', 'collab-scale-out'];
status ||= run('embedded PGlite', withoutServer, embeddedArgs);
process.exit(status);
