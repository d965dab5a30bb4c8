import { createHash } from 'node:crypto';

export type IdempotencyPurpose = 'execute' | 'compensate';

/**
 * The key handed to every tool call of a step, so an external effect happens once although
 * execution is at-least-once. It is the same for every attempt and re-execution of the step
 * (the attempt number is deliberately left out) and differs per map iteration and between a
 * step and its compensation.
 *
 * The input is encoded as a JSON array, which is unambiguous (no separator a value could
 * contain) and versioned, then hashed: `fdy-` + 64 hex digits.
 *
 * @example idempotencyKey({ runId, nodeId: 'charge', iteration: 2 })
 */
export function idempotencyKey({ runId, nodeId, iteration, purpose = 'execute' }: {
  runId: string;
  nodeId: string;
  /** Index of the map item, counted from 0; absent outside a map. */
  iteration?: number;
  purpose?: IdempotencyPurpose;
}): string {
  if (iteration !== undefined && (!Number.isInteger(iteration) || iteration < 0)) {
    throw new RangeError(`iteration must be a non-negative integer, got ${iteration}`);
  }
  const canonical = JSON.stringify(['v1', runId, nodeId, iteration ?? null, purpose]);
  return `fdy-${createHash('sha256').update(canonical, 'utf8').digest('hex')}`;
}
