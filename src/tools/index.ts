/**
 * Tools layer: the typed tool registry, built-in tools, MCP, and the SSRF guard that every
 * outbound URL in Foundry passes.
 */
export * from './ssrf-guard.ts';
export * from './guarded-fetch.ts';
export * from './http-request-tool.ts';
export * from './tool-description.ts';
export * from './json-schema-input.ts';
export * from './mcp/index.ts';
