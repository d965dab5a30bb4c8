import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RunWorker } from '../engine/index.ts';

const breakerLevels = { closed: 0, half_open: 1, open: 2, isolated: 3 } as const;

/** Prometheus metrics of one app: process defaults, request counts and latencies by route, and the worker's state. */
export function registerMetrics(app: FastifyInstance, worker?: RunWorker): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'foundry_' });
  const requests = new Counter({
    name: 'foundry_http_requests_total', help: 'HTTP requests by method, route and status.',
    labelNames: ['method', 'route', 'status'], registers: [registry],
  });
  const duration = new Histogram({
    name: 'foundry_http_request_duration_seconds', help: 'HTTP request latency by method and route.',
    labelNames: ['method', 'route'], buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  if (worker) {
    new Gauge({
      name: 'foundry_circuit_breaker_state', help: 'Circuit breaker of each tool or provider: 0 closed, 1 half-open, 2 open, 3 isolated.',
      labelNames: ['name'], registers: [registry],
      collect() {
        for (const { name, state } of worker.breakers.states()) this.set({ name }, breakerLevels[state]);
      },
    });
    new Gauge({
      name: 'foundry_worker_active_runs', help: 'Runs this process is driving now.', registers: [registry],
      collect() {
        this.set(worker.active());
      },
    });
  }
  return registry;
}
