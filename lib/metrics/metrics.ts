import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * This process's Prometheus metrics (`GET /metrics`, lib/metrics/metrics-route.ts). One set per process, kept on
 * globalThis: the HTTP server (scripts/serve.ts) and Next's copies of the modules that count must share it.
 */
export type Metrics = {
  registry: Registry;
  /** Every HTTP answer, by method, route (routeLabel) and status class. */
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  /** Webhook delivery attempts as they settle: succeeded, retrying, failed (gave up), lost_claim. */
  webhookDeliveries: Counter<'outcome'>;
  /** Charges asked of the processor, by what it answered: succeeded, requires_action, failed. */
  payments: Counter<'outcome' | 'processor'>;
  /** The background queues' rows waiting (pending), due now, and how long the oldest due row has waited. */
  queuePending: Gauge<'queue'>;
  queueDue: Gauge<'queue'>;
  queueOldestDueSeconds: Gauge<'queue'>;
};

const slot = globalThis as unknown as { __caisseMetrics?: Metrics };

export function metrics(): Metrics {
  return (slot.__caisseMetrics ??= createMetrics());
}

function createMetrics(): Metrics {
  const registry = new Registry();
  // Memory (RSS, heap), CPU, event-loop lag and handles of this process.
  collectDefaultMetrics({ register: registry, prefix: 'caisse_' });
  const registers = [registry];
  const queue = { labelNames: ['queue'] as const, registers };
  return {
    registry,
    httpDuration: new Histogram({
      name: 'caisse_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method, route and status class.',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    webhookDeliveries: new Counter({
      name: 'caisse_webhook_deliveries_total',
      help: 'Webhook delivery attempts settled by this process, by outcome.',
      labelNames: ['outcome'] as const,
      registers,
    }),
    payments: new Counter({
      name: 'caisse_payments_total',
      help: 'Charges asked of the payment processor by this process, by outcome.',
      labelNames: ['outcome', 'processor'] as const,
      registers,
    }),
    queuePending: new Gauge({ name: 'caisse_job_queue_pending', help: 'Rows waiting in a background queue.', ...queue }),
    queueDue: new Gauge({ name: 'caisse_job_queue_due', help: 'Rows of a background queue due now.', ...queue }),
    queueOldestDueSeconds: new Gauge({
      name: 'caisse_job_queue_oldest_due_seconds',
      help: 'How long the oldest due row of a background queue has waited (0 when none is due).',
      ...queue,
    }),
  };
}

/** One HTTP answer, timed from `startedAt` (process.hrtime.bigint()); returns how long it took, in milliseconds. */
export function observeRequest(p: { method: string | undefined; route: string; status: number; startedAt: bigint }): number {
  const seconds = Number(process.hrtime.bigint() - p.startedAt) / 1e9;
  metrics().httpDuration.observe({ method: p.method ?? 'GET', route: p.route, status: `${Math.floor(p.status / 100)}xx` }, seconds);
  return Math.round(seconds * 1e4) / 10;
}
