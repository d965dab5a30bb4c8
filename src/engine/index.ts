/**
 * Engine: durable workflow definitions, validation, the executor, triggers and run events.
 * So far: the definition schema and its pure building blocks; the executor lands with issue 3.
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
