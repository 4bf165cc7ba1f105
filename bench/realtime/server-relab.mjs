// Child process: the RELAB server (server/dist, built by `pnpm build`) on PostgreSQL database relab_bench.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveRpc } from './lib.mjs';

const root = process.env.RELAB_ROOT ?? resolve(import.meta.dirname, '../..');
const { createRelabServer } = await import(pathToFileURL(`${root}/server/dist/create-app.js`).href);
const { loadConfig } = await import(pathToFileURL(`${root}/server/dist/config/config.js`).href);

const port = process.env.BENCH_PORT;
const config = loadConfig({
  PORT: port,
  HOST: '127.0.0.1',
  PUBLIC_URL: `http://localhost:${port}`,
  DATABASE_URL: process.env.BENCH_DATABASE_URL,
  RELAB_DEMO: 'true',
  RELAB_DEMO_PASSWORD: process.env.BENCH_DEMO_PASSWORD,
  NODE_ENV: 'production',
  // production with a database server needs the reflections' key from config (a fixed, bench-only one)
  RELAB_REFLECTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  LOG_LEVEL: 'warn',
  LOGIN_MAX_PER_IP: '10000',
});
// the demo seed prints the demo accounts on first start: keep the bench output clean
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => (String(chunk).includes('RELAB demo lab created') ? true : write(chunk, ...rest));
const server = await createRelabServer(config, { listen: true });
process.stdout.write = write;
const url = `http://127.0.0.1:${port}`;

serveRpc({
  info: () => ({ url, pid: process.pid }),
  stop: async () => {
    await server.close();
    setTimeout(() => process.exit(0), 10);
    return true;
  },
});
process.send({ ready: true, url });
