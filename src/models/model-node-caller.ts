import { z } from 'zod';
import type { ModelCaller } from '../engine/index.ts';
import { ValidationError } from '../kernel/index.ts';
import type { ModelGateway } from './language-engine.ts';

/**
 * Runs a workflow's model nodes through the gateway, scoped to the run (its budget, its usage
 * records). With an output schema the node gets a checked object; without, text. Neither has a
 * built-in fallback: a node that needs a model fails for good with MODEL_UNSUPPORTED when the
 * workspace has no provider for its role, and with BUDGET_EXCEEDED when a budget is spent.
 */
export function modelNodeCaller(models: Pick<ModelGateway, 'structured' | 'generate'>): ModelCaller {
  return async ({ role, prompt, outputSchema, workspaceId, runId, signal }) => {
    const scope = { workspaceId, runId };
    if (outputSchema) {
      const reply = await models.structured(scope, {
        schema: schemaOf(outputSchema), instruction: 'Do what the prompt asks. Answer with an object that matches the schema.', input: prompt,
      }, { signal });
      return { output: reply.value, costUsd: reply.costUsd };
    }
    const reply = await models.generate(scope, { prompt, role: role === 'coding' ? 'coding' : 'chat' }, { signal });
    return { output: { text: reply.value, engine: reply.engine }, costUsd: reply.costUsd };
  };
}

function schemaOf(jsonSchema: Record<string, unknown>): z.ZodType<unknown> {
  try {
    return z.fromJSONSchema(jsonSchema);
  } catch (error) {
    throw new ValidationError({ code: 'OUTPUT_SCHEMA_INVALID', message: `The model node's output schema is not a usable JSON Schema: ${(error as Error).message}`, cause: error });
  }
}
