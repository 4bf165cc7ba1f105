import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { MetricsRegistry } from '../common/metrics/metrics.js';

/** Metrics of the collaboration core (see docs/realtime-protocol.md#metrics). */
@Injectable()
export class CollabMetrics {
  readonly sockets: Gauge;
  readonly documents: Gauge;
  readonly updates: Counter;
  readonly broadcasts: Counter;
  readonly refused: Counter<'reason'>;
  readonly persistSeconds: Histogram;
  readonly persistBatchRows: Histogram;
  readonly persistFailures: Counter;
  readonly compactions: Counter;
  readonly loadSeconds: Histogram;

  constructor(m: MetricsRegistry) {
    const registers = [m.registry];
    this.sockets = new Gauge({ name: 'relab_collab_sockets', help: 'Open sockets on /collab in this process', registers });
    this.documents = new Gauge({ name: 'relab_collab_documents_loaded', help: 'Documents held in memory by this process', registers });
    this.updates = new Counter({ name: 'relab_collab_updates_total', help: 'Updates accepted and stored (rate() gives updates/s)', registers });
    this.broadcasts = new Counter({ name: 'relab_collab_broadcasts_total', help: 'Batched update broadcasts sent to a room', registers });
    this.refused = new Counter({ name: 'relab_collab_refused_messages_total', help: 'Messages refused, by reason', labelNames: ['reason'], registers });
    this.persistSeconds = new Histogram({
      name: 'relab_collab_persist_seconds',
      help: 'Time to commit one group of updates to PostgreSQL',
      buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.persistBatchRows = new Histogram({ name: 'relab_collab_persist_batch_rows', help: 'Updates per INSERT (group commit)', buckets: [1, 2, 5, 10, 20, 50, 100, 500, 1000], registers });
    this.persistFailures = new Counter({ name: 'relab_collab_persist_failures_total', help: 'Group commits that failed', registers });
    this.compactions = new Counter({ name: 'relab_collab_compactions_total', help: 'Compactions written', registers });
    this.loadSeconds = new Histogram({ name: 'relab_collab_load_seconds', help: 'Time to load a document from PostgreSQL', buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers });
  }
}
