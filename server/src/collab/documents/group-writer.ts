import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { CollabMetrics } from '../collab.metrics.js';
import { CollabStore, type StoredUpdate } from './collab-store.js';

interface Pending extends StoredUpdate {
  resolve(): void;
  reject(e: unknown): void;
}

/** Most rows / bytes one INSERT carries; the rest waits for the next one. */
const MAX_ROWS = 1000;
const MAX_BYTES = 8 * 1024 * 1024;

/**
 * Group commit: every update that arrives within one event-loop turn, or while the INSERTs in flight run, is
 * written by the next single INSERT. A promise resolves only after its row is committed.
 */
@Injectable()
export class GroupWriter {
  private readonly logger = new Logger('GroupWriter');
  private queue: Pending[] = [];
  private running = 0;
  private scheduled = false;
  /** INSERTs in flight at once: pipelining hides the commit round trip (the embedded database has one connection). */
  private readonly maxInFlight: number;

  constructor(
    private readonly store: CollabStore,
    private readonly metrics: CollabMetrics,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.maxInFlight = config.databaseUrl ? 3 : 1;
  }

  write(update: StoredUpdate): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...update, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running >= this.maxInFlight || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.running >= this.maxInFlight || this.queue.length === 0) return;
    this.running++;
    let bytes = 0;
    let n = 0;
    while (n < this.queue.length && n < MAX_ROWS && bytes < MAX_BYTES) bytes += this.queue[n++]!.data.length;
    const batch = this.queue.splice(0, n);
    const started = process.hrtime.bigint();
    try {
      await this.store.appendMany(batch);
      this.metrics.persistSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
      this.metrics.persistBatchRows.observe(batch.length);
      for (const p of batch) p.resolve();
    } catch (e) {
      this.metrics.persistFailures.inc();
      this.logger.error(`could not store ${batch.length} update(s): ${(e as Error).message}`);
      for (const p of batch) p.reject(e);
    } finally {
      this.running--;
      if (this.queue.length > 0) this.schedule();
    }
  }

  /** Resolves when everything queued so far is written (or failed). */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.running > 0) await new Promise((r) => setTimeout(r, 2));
  }
}
