import { z } from 'zod';

const serverName = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "_" or "-" (tools are named mcp.<server>.<tool>)');
const timeoutMs = z.number().int().min(100).max(3_600_000).default(60_000);

const stdioServer = z.strictObject({
  name: serverName,
  transport: z.literal('stdio'),
  /** The program to run, found on PATH; it speaks MCP on its stdin and stdout. */
  command: z.string().min(1),
  args: z.array(z.string()).default([]),
  /** Added to the few variables it inherits (PATH, HOME, USER, SHELL, TERM, LOGNAME): Foundry's own secrets are not passed on. */
  env: z.record(z.string(), z.string()).default({}),
  cwd: z.string().min(1).optional(),
  /** The longest one request may take. */
  timeoutMs,
});

const httpServer = z.strictObject({
  name: serverName,
  transport: z.literal('http'),
  /** A streamable HTTP endpoint; it passes the SSRF guard like every outbound URL (FOUNDRY_SSRF_ALLOW for internal hosts). */
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  headers: z.record(z.string(), z.string()).default({}),
  timeoutMs,
});

/** One MCP server the operator connects Foundry to. */
export const mcpServerConfigSchema = z.discriminatedUnion('transport', [stdioServer, httpServer]);
export type McpServerConfig = z.output<typeof mcpServerConfigSchema>;

const serverList = z.array(mcpServerConfigSchema).superRefine((servers, ctx) => {
  const seen = new Set<string>();
  servers.forEach((server, index) => {
    if (seen.has(server.name)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `"${server.name}" is configured twice` });
    seen.add(server.name);
  });
});

/**
 * Checks a list of MCP servers (or its JSON text). The problems name where they are
 * (`[1].command: ...`), since configuration errors show only the messages.
 */
export function checkMcpServers(value: unknown): { servers: McpServerConfig[] } | { problems: string[] } {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return { problems: ['is not valid JSON (expected an array of servers)'] };
    }
  }
  const result = serverList.safeParse(parsed);
  if (result.success) return { servers: result.data };
  return { problems: result.error.issues.map((i) => `${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || 'value'}: ${i.message}`) };
}

/** The configuration option: a JSON array of servers in the environment, or the array itself in a file or override. */
export const mcpServersOption = z.unknown().transform((value, ctx): McpServerConfig[] => {
  const checked = checkMcpServers(value);
  if ('servers' in checked) return checked.servers;
  for (const message of checked.problems) ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
});
