import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { checkPlacement, checkUpdate } from './update-check.js';

export interface CheckJob {
  id: number;
  state: Uint8Array;
  update: Uint8Array;
  roots: string[];
}

/**
 * Runs the update check, then applies the update to a copy of the document and checks where its items landed,
 * off the event loop.
 * The parent terminates this worker when it takes longer than its time limit.
 */
parentPort!.postMessage({ ready: true });
parentPort!.on('message', (job: CheckJob) => {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, job.state);
    const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
    const result = checkUpdate(job.update, { stateVector: sv, roots: new Set(job.roots) });
    if (result.ok && !result.empty) {
      Y.applyUpdate(doc, job.update);
      if (doc.store.pendingStructs || doc.store.pendingDs) {
        parentPort!.postMessage({ id: job.id, result: { ok: false, code: 'MISSING_DEPENDENCIES' } });
        return;
      }
      if (!checkPlacement(doc, job.update, sv)) {
        parentPort!.postMessage({ id: job.id, result: { ok: false, code: 'MALFORMED_MESSAGE' } });
        return;
      }
    }
    parentPort!.postMessage({ id: job.id, result: result.ok ? { ok: true, empty: result.empty } : result });
  } catch {
    parentPort!.postMessage({ id: job.id, result: { ok: false, code: 'MALFORMED_MESSAGE' } });
  } finally {
    doc.destroy();
  }
});
