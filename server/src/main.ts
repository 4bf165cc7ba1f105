import { ConfigError, loadConfig } from './config/config.js';
import { createRelabServer } from './create-app.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const server = await createRelabServer(config, { listen: true });
  process.stdout.write(`RELAB is running at ${config.publicUrl} (API docs: ${config.publicUrl}/api/docs)\n`);
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`RELAB failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
