import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * An in-process PostgreSQL (PGlite) served on a loopback port, so the normal `pg` driver,
 * TypeORM and the same migrations run against it as against a PostgreSQL server.
 * PGlite is single-connection: the pool using it must hold one connection (see ADR 0002).
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
  ) {}

  /** `dataDir` undefined = in memory (tests); otherwise data persists under `<dataDir>/pgdata`. */
  static async start(dataDir?: string): Promise<EmbeddedPostgres> {
    let location: string | undefined;
    if (dataDir) {
      location = resolve(dataDir, 'pgdata');
      mkdirSync(location, { recursive: true });
    }
    const db = await PGlite.create(location);
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
    await server.start();
    return new EmbeddedPostgres(db, server, `postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}
