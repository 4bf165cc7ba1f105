import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';
import msgpackParser from 'socket.io-msgpack-parser';
import { COLLAB_LIMITS } from '@relab/shared';
import type { AppConfig } from '../../config/config.js';


/**
 * socket.io as RELAB runs it: msgpack framing (binary payloads without extra frames), the message size limit from
 * `shared`, no cross-origin access, and — with REDIS_URL — the Redis adapter so several processes share rooms.
 */
export class RelabIoAdapter extends IoAdapter {
  private readonly log = new Logger('RelabIoAdapter');
  private clients: Array<{ quit(): Promise<unknown> }> = [];
  private adapterFactory: ReturnType<typeof createAdapter> | null = null;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  /** Connects to Redis when configured; fails loudly (boot stops) when it cannot. */
  async connect(): Promise<void> {
    if (!this.config.redisUrl) return;
    const pub = createClient({ url: this.config.redisUrl });
    const sub = pub.duplicate();
    for (const c of [pub, sub]) c.on('error', (e: Error) => this.log.error(`redis: ${e.message}`));
    await Promise.all([pub.connect(), sub.connect()]);
    this.clients = [pub, sub];
    this.adapterFactory = createAdapter(pub, sub, { key: this.config.redisPrefix });
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      parser: msgpackParser,
      maxHttpBufferSize: COLLAB_LIMITS.maxMessageBytes + 1024,
      serveClient: false,
      // same origin only; the handshake also checks Origin against PUBLIC_URL
      cors: undefined,
      pingInterval: 20_000,
      pingTimeout: 20_000,
    } as ServerOptions);
    if (this.adapterFactory) server.adapter(this.adapterFactory);
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.clients.map((c) => c.quit().catch(() => undefined)));
    this.clients = [];
  }
}
