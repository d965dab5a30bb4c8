import jsonata from 'jsonata';
import { ExpressionError } from './engine-errors.ts';

/**
 * Evaluates the JSONata expressions of workflow definitions (conditions, mappings, computed
 * inputs). JSONata is a query language, not JavaScript: it has no access to JS globals,
 * prototypes or `Function`, and `$eval` only evaluates more JSONata within the same limits.
 */

/** What an expression sees as its root (`$`): `input.x`, `steps.lookup.email`, `in.to`, `item`. */
export interface ExpressionScope {
  /** The run input. */
  input: unknown;
  /** Output of every completed step, by node id. */
  steps: Record<string, unknown>;
  /** Values mapped onto the incoming edges of the node being evaluated. */
  in?: Record<string, unknown>;
  /** Inside a map node: the current item and its position. */
  item?: unknown;
  index?: number;
}

export interface EvaluateOptions {
  /**
   * Wall-clock budget of one evaluation. JSONata checks it each time it enters an expression
   * node (error D1012), so a loop or runaway recursion stops; a single built-in call on huge
   * data (a `$sort` of millions of items) is not interrupted until it returns.
   * @default 1000
   */
  timeoutMs?: number;
  /** Maximum nesting of expression evaluation, which bounds recursion (error D1011). @default 1000 */
  maxDepth?: number;
  /** Named in the error, so the canvas can point at the node. */
  nodeId?: string;
}

const defaults = { timeoutMs: 1_000, maxDepth: 1_000 };
/** Compiled expressions by limits and text, least recently used first. */
const cache = new Map<string, jsonata.Expression>();
const cacheLimit = 1_000;

interface JsonataFailure { code?: unknown; position?: unknown; token?: unknown; message?: unknown }

function describeFailure(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { code, position, message } = error as JsonataFailure;
  const where = typeof position === 'number' ? ` at position ${position}` : '';
  const text = typeof message === 'string' ? message : 'evaluation failed';
  return typeof code === 'string' ? `JSONata ${code}${where}: ${text}` : text;
}

function compile(expression: string, timeoutMs: number, maxDepth: number): jsonata.Expression {
  const key = `${timeoutMs}:${maxDepth}:${expression}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const compiled = jsonata(expression, { timeout: timeoutMs, stack: maxDepth });
  cache.set(key, compiled);
  if (cache.size > cacheLimit) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  return compiled;
}

/** JSONata sequences are arrays with extra flags; results are copied into plain JSON values. */
function toPlain(value: unknown, fail: (message: string) => never): unknown {
  if (typeof value === 'function') return fail('the expression evaluates to a function, which is not a value.');
  if (Array.isArray(value)) return value.map((v: unknown) => toPlain(v, fail));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v, fail)]));
}

async function run(expression: string, scope: ExpressionScope, options: EvaluateOptions, label: string): Promise<unknown> {
  const fail = (message: string, cause?: unknown): never => {
    throw new ExpressionError({ expression, nodeId: options.nodeId, message: `${label}${message}`, cause });
  };
  let result: unknown;
  try {
    const compiled = compile(expression, options.timeoutMs ?? defaults.timeoutMs, options.maxDepth ?? defaults.maxDepth);
    result = await compiled.evaluate(scope);
  } catch (error) {
    return fail(describeFailure(error), error);
  }
  return toPlain(result, fail);
}

/**
 * Evaluates one expression against the scope. Results are plain JSON values (or `undefined`
 * when nothing matches). Failures to parse or evaluate throw `ExpressionError` (422, not
 * retryable), whose message carries the JSONata code and position and whose `cause` is the
 * JSONata error (`code`, `position`, `token`).
 *
 * @example await evaluateExpression('steps.lookup.email', { input: {}, steps: { lookup: { email: 'a@b.c' } } })
 */
export async function evaluateExpression(expression: string, scope: ExpressionScope, options: EvaluateOptions = {}): Promise<unknown> {
  return run(expression, scope, options, '');
}

/**
 * Evaluates every expression of a mapping, in key order, into an object with the same keys.
 * A key whose expression matches nothing is present with the value `undefined`.
 *
 * @example await evaluateMapping({ to: 'input.email', subject: '"Hello " & input.name' }, scope)
 */
export async function evaluateMapping(
  mapping: Readonly<Record<string, string>>, scope: ExpressionScope, options: EvaluateOptions = {},
): Promise<Record<string, unknown>> {
  const entries: [string, unknown][] = [];
  for (const [name, expression] of Object.entries(mapping)) {
    entries.push([name, await run(expression, scope, options, `mapping "${name}": `)]);
  }
  return Object.fromEntries(entries);
}

/**
 * JSONata's truthiness (its `$boolean`): `undefined`, `null`, `false`, `0`, `NaN`, `""`, `{}`,
 * functions and arrays with no truthy member are false; everything else is true. Note that,
 * unlike JavaScript, `[]`, `[0]` and `{}` are false.
 */
export function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((member: unknown) => isTruthy(member));
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return false;
}

/** Drops every compiled expression; for tests. */
export function clearExpressionCache(): void {
  cache.clear();
}

/** How many compiled expressions are cached (at most 1,000); for tests and metrics. */
export function expressionCacheSize(): number {
  return cache.size;
}
