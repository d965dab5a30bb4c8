/**
 * Engine: durable workflow definitions, validation, the executor, triggers and run events.
 */
export * from './workflow-definition.ts';
export * from './engine-errors.ts';
export * from './retry-delay.ts';
export * from './run-state.ts';
export * from './step-state.ts';
export * from './idempotency-key.ts';
export * from './workflow-graph.ts';
export * from './validate-workflow.ts';
export * from './expressions.ts';
export * from './ready-nodes.ts';
export * from './workflow-schemas.ts';
export * from './workflows.ts';
export * from './run-schemas.ts';
export * from './run-events.ts';
export * from './run-queue.ts';
export * from './runs.ts';
export * from './tool-jobs.ts';
export * from './run-worker.ts';
export * from './circuit-breakers.ts';
export type { ModelCaller } from './task-runner.ts';
export * from './triggers/index.ts';
