import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per app instance, so tests can run several apps in a process. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'hookrelay_api_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly outboxJobsInserted = new Counter({
    name: 'hookrelay_api_outbox_jobs_inserted_total',
    help: 'Delivery jobs written to the outbox (committed)',
    labelNames: ['element', 'trigger'] as const,
    registers: [this.registry],
  });

  readonly elementWrites = new Counter({
    name: 'hookrelay_api_element_writes_total',
    help: 'Committed element changes',
    labelNames: ['element', 'trigger'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'hookrelay_api_' });
  }
}
