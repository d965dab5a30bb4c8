import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { FoundryError } from '../../kernel/index.ts';

interface Where {
  server: string;
  tool?: string;
}

/** The MCP tool answered with `isError`: its own verdict (bad arguments, a refused action), so it is not retried. */
export class McpToolError extends FoundryError {
  constructor(where: Where & { tool: string }, message: string) {
    super({
      code: 'MCP_TOOL_ERROR', status: 502, category: 'third_party', retryable: false, details: where,
      message: `MCP tool ${where.tool} of server "${where.server}" failed: ${message || 'no reason given'}`,
    });
  }
}

/** The server cannot be reached, or its process died or would not start. Retryable: the next use reconnects (restarts it). */
export class McpServerUnavailableError extends FoundryError {
  constructor(where: Where, reason: string, cause?: unknown) {
    super({
      code: 'MCP_SERVER_UNAVAILABLE', status: 503, category: 'third_party', retryable: true, details: where, cause,
      message: `MCP server "${where.server}" is unavailable: ${reason}`,
    });
  }
}

/** The server refused or failed a request with a JSON-RPC (or HTTP) error. */
export class McpProtocolError extends FoundryError {
  constructor(where: Where, o: { message: string; mcpCode?: number; httpStatus?: number; retryable: boolean; cause?: unknown }) {
    super({
      code: 'MCP_PROTOCOL_ERROR', status: 502, category: 'third_party', retryable: o.retryable, cause: o.cause,
      details: { ...where, ...(o.mcpCode === undefined ? {} : { mcpCode: o.mcpCode }), ...(o.httpStatus === undefined ? {} : { httpStatus: o.httpStatus }) },
      message: `MCP server "${where.server}" answered with an error: ${o.message}`,
    });
  }
}

/** JSON-RPC errors a retry cannot fix: the request itself is wrong. */
const permanentCodes = new Set<number>([ErrorCode.ParseError, ErrorCode.InvalidRequest, ErrorCode.MethodNotFound, ErrorCode.InvalidParams]);

/**
 * The typed error for whatever an MCP call threw. Foundry errors (an SSRF refusal) pass through;
 * a closed connection or a failed request to the server is MCP_SERVER_UNAVAILABLE; JSON-RPC errors
 * are MCP_PROTOCOL_ERROR, retryable unless the request was malformed; HTTP 408, 429 and 5xx are
 * retryable, other HTTP errors (401, 403) are not.
 */
export function mcpErrorOf(error: unknown, where: Where): FoundryError {
  if (FoundryError.isInstance(error)) return error;
  if (error instanceof McpError) {
    if (error.code === ErrorCode.ConnectionClosed) return new McpServerUnavailableError(where, 'the connection closed', error);
    return new McpProtocolError(where, { message: error.message, mcpCode: error.code, retryable: !permanentCodes.has(error.code), cause: error });
  }
  if (error instanceof StreamableHTTPError && error.code !== undefined && error.code > 0) {
    const status = error.code;
    if (status === 404) return new McpServerUnavailableError(where, 'the server no longer knows this session', error);
    const retryable = status === 408 || status === 429 || status >= 500;
    return new McpProtocolError(where, { message: error.message, httpStatus: status, retryable, cause: error });
  }
  return new McpServerUnavailableError(where, error instanceof Error ? error.message : String(error), error);
}
