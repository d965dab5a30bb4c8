import { FoundryError, type ToolRegistration, type ToolResult } from '../kernel/index.ts';
import type { CircuitBreakers } from './circuit-breakers.ts';
import { NonRetryableStepError, StepTimeoutError } from './engine-errors.ts';
import { toolRateLimiter } from './tool-rate-limiter.ts';
import type { TaskSpec } from './workflow-definition.ts';

/** A language-model call for model nodes; supplied by the model layer. */
export type ModelCaller = (request: {
  role: 'chat' | 'extraction' | 'coding'; prompt: string; outputSchema?: Record<string, unknown>; workspaceId: string; runId: string; signal: AbortSignal;
}) => Promise<ToolResult>;

export interface TaskRunnerDeps {
  tool: (name: string) => ToolRegistration | undefined;
  breakers: CircuitBreakers;
  callModel?: ModelCaller;
}

export interface TaskCall {
  workspaceId: string;
  runId: string;
  stepId: string;
  nodeId: string;
  idempotencyKey: string;
  /** Aborted when the run is cancelled or the worker stops. */
  signal: AbortSignal;
  timeoutMs?: number;
}

/**
 * Executes an action (a registered tool, through its circuit breaker) or a model call with the
 * step's timeout. `input` is already evaluated: the tool's input object, or `{ prompt }` for a model.
 * Sub-workflows are not tasks: the driver starts a child run for them.
 */
export async function runTask(deps: TaskRunnerDeps, spec: TaskSpec, input: Record<string, unknown>, call: TaskCall): Promise<ToolResult> {
  const controller = new AbortController();
  const abort = () => controller.abort(call.signal.reason);
  if (call.signal.aborted) abort();
  else call.signal.addEventListener('abort', abort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const stopped = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
    if (call.timeoutMs !== undefined) {
      timer = setTimeout(() => controller.abort(new StepTimeoutError({ nodeId: call.nodeId, timeoutMs: call.timeoutMs! })), call.timeoutMs);
    }
  });
  try {
    return await Promise.race([stopped, start(deps, spec, input, call, controller.signal)]);
  } finally {
    clearTimeout(timer);
    call.signal.removeEventListener('abort', abort);
  }
}

async function start(deps: TaskRunnerDeps, spec: TaskSpec, input: Record<string, unknown>, call: TaskCall, signal: AbortSignal): Promise<ToolResult> {
  if (spec.type === 'action') {
    const tool = deps.tool(spec.config.tool);
    if (tool?.execute === undefined) throw new NonRetryableStepError({ message: `Tool "${spec.config.tool}" is not registered in this worker.`, details: { tool: spec.config.tool } });
    const execute = tool.execute;
    const checked = tool.inputSchema?.safeParse(input);
    if (checked && !checked.success) throw schemaError('TOOL_INPUT_INVALID', 'Input', tool.name, checked.error.issues);
    await toolRateLimiter(tool)?.take(signal);
    const result = await deps.breakers.execute(`tool:${tool.name}`, () => execute(checked?.success ? checked.data : input, {
      workspaceId: call.workspaceId, runId: call.runId, stepId: call.stepId, idempotencyKey: call.idempotencyKey, signal,
    }));
    const costUsd = result.costUsd ?? tool.costPerCallUsd;
    const output = tool.outputSchema?.safeParse(result.output);
    if (output && !output.success) throw schemaError('TOOL_OUTPUT_INVALID', 'Output', tool.name, output.error.issues);
    return { output: output ? output.data : result.output, ...(costUsd === undefined ? {} : { costUsd }) };
  }
  if (spec.type === 'model') {
    const callModel = deps.callModel;
    if (callModel === undefined) throw new NonRetryableStepError({ message: 'Model nodes need the model layer, which this Foundry build does not provide yet.' });
    return deps.breakers.execute(`model:${spec.config.role}`, () => callModel({
      role: spec.config.role, prompt: String(input.prompt ?? ''), outputSchema: spec.config.outputSchema, workspaceId: call.workspaceId, runId: call.runId, signal,
    }));
  }
  throw new NonRetryableStepError({ message: 'A sub-workflow cannot run as a task here.' });
}

/** A tool's input or output does not fit its schema: a retry would send or get the same, so it fails for good. */
function schemaError(code: 'TOOL_INPUT_INVALID' | 'TOOL_OUTPUT_INVALID', what: 'Input' | 'Output', tool: string, issues: { path: PropertyKey[]; message: string }[]): FoundryError {
  const problems = issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return new FoundryError({
    code, status: what === 'Input' ? 400 : 502, category: what === 'Input' ? 'user' : 'third_party', retryable: false, details: { tool, problems },
    message: `${what} of tool "${tool}" is invalid: ${problems.map((p) => `${p.path || what.toLowerCase()} ${p.message}`).join('; ')}.`,
  });
}
