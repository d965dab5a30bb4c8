/**
 * Tools: the registry of typed tools (built-in, HTTP behind the SSRF guard, MCP servers) and
 * Foundry as an MCP server. Empty until the tools issue lands.
 */
export {};
