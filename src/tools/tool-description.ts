import { z } from 'zod';
import type { ToolRegistration } from '../kernel/index.ts';

const jsonSchema = z.record(z.string(), z.unknown());

/** A tool as `GET /api/plugins` lists it: what it takes and returns (JSON Schema), its rate limit and its price. */
export const toolDescriptionView = z.object({
  name: z.string(),
  description: z.string(),
  inputSchema: jsonSchema.nullable(),
  outputSchema: jsonSchema.nullable(),
  rateLimit: z.object({ perSecond: z.number().optional(), perMinute: z.number().optional() }).nullable(),
  costPerCallUsd: z.number().nullable(),
});
export type ToolDescription = z.infer<typeof toolDescriptionView>;

const described = new WeakMap<ToolRegistration, ToolDescription>();

/** Describes a registered tool; zod schemas are converted to JSON Schema once per registration. */
export function describeTool(tool: ToolRegistration): ToolDescription {
  let description = described.get(tool);
  if (description === undefined) {
    description = {
      name: tool.name,
      description: tool.description,
      inputSchema: tool.jsonSchemas?.input ?? toJsonSchema(tool.inputSchema, 'input'),
      outputSchema: tool.jsonSchemas?.output ?? toJsonSchema(tool.outputSchema, 'output'),
      rateLimit: tool.rateLimit ?? null,
      costPerCallUsd: tool.costPerCallUsd ?? null,
    };
    described.set(tool, description);
  }
  return description;
}

/** What a caller sends (`input`: defaults optional) or gets back (`output`); parts zod cannot express become `{}`. */
function toJsonSchema(schema: z.ZodType | undefined, io: 'input' | 'output'): Record<string, unknown> | null {
  if (schema === undefined) return null;
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
}
