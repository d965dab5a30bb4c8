/** Kernel: configuration, errors, ids, clock, logger, request context, event bus, plugins. */
export * from './errors.ts';
export * from './ids.ts';
export * from './clock.ts';
export * from './context.ts';
export * from './config.ts';
export * from './mcp-server-config.ts';
export * from './logger.ts';
export * from './event-bus.ts';
export * from './plugin.ts';
export * from './process-alive.ts';
export * from './free-port.ts';
export * from './request-context-of.ts';
