import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ToolRegistration } from '../../kernel/index.ts';
import { jsonSchemaInput } from '../json-schema-input.ts';
import type { McpConnection } from './mcp-connection.ts';
import { McpToolError } from './mcp-errors.ts';

/** What an MCP tool returns in a workflow: the text parts joined, every content block, and the structured result when there is one. */
export interface McpToolOutput {
  text: string;
  content: CallToolResult['content'];
  structuredContent?: Record<string, unknown>;
}

const textOf = (result: CallToolResult) => result.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('\n');

/** The JSON Schema of McpToolOutput, with the tool's own output schema for `structuredContent`. */
function outputJsonSchema(tool: Tool): Record<string, unknown> {
  return {
    type: 'object', required: ['text', 'content'],
    properties: {
      text: { type: 'string', description: 'The text content blocks, joined by newlines.' },
      content: { type: 'array', description: 'The MCP content blocks (text, image, audio, resource links, embedded resources).', items: { type: 'object' } },
      structuredContent: tool.outputSchema ?? { type: 'object' },
    },
  };
}

/**
 * Registers one MCP tool as the Foundry tool `mcp.<server>.<tool>`. Its input is checked against
 * the server's JSON Schema before the call; a result with `isError` fails the step for good
 * (MCP_TOOL_ERROR) with the tool's text as the reason.
 */
export function mcpTool(connection: McpConnection, tool: Tool): ToolRegistration {
  const where = { server: connection.name, tool: tool.name };
  return {
    name: `mcp.${connection.name}.${tool.name}`,
    description: tool.description ?? tool.title ?? `The ${tool.name} tool of the MCP server "${connection.name}".`,
    inputSchema: jsonSchemaInput(tool.inputSchema),
    jsonSchemas: { input: tool.inputSchema, output: outputJsonSchema(tool) },
    async execute(input, call) {
      const result = await connection.callTool(tool.name, input, call);
      if (result.isError) throw new McpToolError(where, textOf(result));
      const output: McpToolOutput = { text: textOf(result), content: result.content, ...(result.structuredContent ? { structuredContent: result.structuredContent } : {}) };
      return { output };
    },
  };
}
