import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import * as Y from 'yjs';
import { COLLAB_LIMITS } from '@relab/shared';
import { checkUpdate, type UpdateCheckResult } from './update-check.js';

interface Job {
  id: number;
  state: Uint8Array;
  update: Uint8Array;
  roots: string[];
  resolve(r: UpdateCheckResult): void;
}

/** The compiled worker; when running from TypeScript sources (tests) the built copy in dist/ is used. */
function workerUrl(): URL {
  const here = new URL('./update-check.worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL(here.href.replace('/server/src/', '/server/dist/'));
}

/**
 * Decides whether an untrusted update may be applied. Small updates are checked inline (their decoding is
 * bounded by their size); large ones, and those whose items' placement can only be told by applying them, are
 * checked AND trial-applied to a copy in a worker thread that is killed when it exceeds
 * COLLAB_LIMITS.checkTimeoutMs, so no crafted update can block the event loop for long.
 */
@Injectable()
export class UpdateChecker implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('UpdateChecker');
  private worker: Worker | null = null;
  /** The worker has loaded its code: the time limit covers the check, not the start-up. */
  private ready = false;
  private queue: Job[] = [];
  private current: { job: Job; timer: NodeJS.Timeout } | null = null;
  private nextId = 1;

  async check(doc: Y.Doc, update: Uint8Array, roots: ReadonlySet<string>, owns?: (client: number) => boolean): Promise<UpdateCheckResult> {
    // read the few clocks the check needs straight from the store (no state-vector encoding per update)
    const stateVector = { get: (client: number) => Y.getState(doc.store, client) };
    // cheap inline check first: most updates are decided without a worker round trip
    const pre = checkUpdate(update, { stateVector, roots, owns, doc });
    if (!pre.ok || pre.empty) return pre;
    if (update.length <= COLLAB_LIMITS.inlineCheckBytes && !pre.trial) return pre;
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, state: Y.encodeStateAsUpdate(doc), update, roots: [...roots], resolve });
      this.pump();
    });
  }

  /** Started at boot, so the first large update does not pay for it. */
  onModuleInit(): void {
    this.ensureWorker();
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    const worker = this.ensureWorker();
    if (!this.ready) return; // pumped again when the worker says it is ready
    const job = this.queue.shift()!;
    const timer = setTimeout(() => {
      this.logger.warn('update check exceeded its time limit; worker restarted');
      this.finish({ ok: false, code: 'UPDATE_TOO_COMPLEX' });
      void worker.terminate();
      this.worker = null;
      this.ready = false;
      this.pump();
    }, COLLAB_LIMITS.checkTimeoutMs);
    this.current = { job, timer };
    worker.postMessage({ id: job.id, state: job.state, update: job.update, roots: job.roots });
  }

  private finish(result: UpdateCheckResult): void {
    if (!this.current) return;
    clearTimeout(this.current.timer);
    const { job } = this.current;
    this.current = null;
    job.resolve(result);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerUrl());
    worker.unref();
    worker.on('message', (msg: { id: number; result: UpdateCheckResult } | { ready: true }) => {
      if ('ready' in msg) {
        if (this.worker === worker) this.ready = true;
        return this.pump();
      }
      if (this.current?.job.id !== msg.id) return;
      this.finish(msg.result);
      this.pump();
    });
    worker.on('error', (err) => {
      this.logger.error(`update check worker failed: ${err.message}`);
      const wasReady = this.ready;
      if (this.worker === worker) {
        this.worker = null;
        this.ready = false;
      }
      if (!wasReady) {
        // it could not even start: refuse what waits instead of respawning in a loop
        for (const job of this.queue.splice(0)) job.resolve({ ok: false, code: 'UPDATE_TOO_COMPLEX' });
        return;
      }
      this.finish({ ok: false, code: 'MALFORMED_MESSAGE' });
      this.pump();
    });
    this.worker = worker;
    return worker;
  }

  async onModuleDestroy(): Promise<void> {
    for (const job of this.queue) job.resolve({ ok: false, code: 'UPDATE_TOO_COMPLEX' });
    this.queue = [];
    this.finish({ ok: false, code: 'UPDATE_TOO_COMPLEX' });
    await this.worker?.terminate();
    this.worker = null;
    this.ready = false;
  }
}
