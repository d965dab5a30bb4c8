/**
 * Engine: durable workflow definitions, the executor, triggers and run events.
 * Empty until the workflow engine issue lands.
 */
export {};
