/**
 * Engine: durable workflow definitions, validation, the executor, triggers and run events.
 * So far: the definition schema and its pure building blocks; the executor lands with issue 3.
 */
export * from './workflow-definition.ts';
