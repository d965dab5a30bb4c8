import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { tables, type Db } from '../../db/index.ts';
import { FoundryError, type Clock, type Logger } from '../../kernel/index.ts';
import type { TriggerKind } from '../run-schemas.ts';
import type { TriggerRow } from './triggers.ts';

/** What a trigger asks the engine for: a run of its workflow (the shape of `startSystemRun`'s request). */
export interface SystemRunRequest {
  workspaceId: string;
  workflowId: string;
  input: unknown;
  trigger: { kind: TriggerKind; id: string };
  createdBy: string | null;
  idempotencyKey?: string;
}

/** Starts a run; the runtime binds it to `startSystemRun`, tests may record calls instead. */
export type StartTriggerRun = (request: SystemRunRequest) => Promise<{ id: string }>;

export interface FireDeps {
  db: Db;
  clock: Clock;
  startRun: StartTriggerRun;
  logger?: Logger;
}

/** A short, fixed-length idempotency key: `<kind>:<trigger id>:<sha256 of the parts>`. */
export function triggerIdempotencyKey(trigger: Pick<TriggerRow, 'kind' | 'id'>, ...parts: (string | number)[]): string {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${trigger.kind}:${trigger.id}:${digest}`;
}

/** What `lastError` shows: a Foundry error's code and message; anything else stays in the log. */
export function describeFiringError(error: unknown): string {
  if (FoundryError.isInstance(error) && error.category === 'user') return `${error.code}: ${error.message}`;
  if (FoundryError.isInstance(error)) return `${error.code}: the run could not be started.`;
  return 'INTERNAL: the run could not be started.';
}

/**
 * Starts a run of the trigger's workflow and records the firing on the trigger (`lastFiredAt`,
 * `lastRunId`, `lastError`). Rethrows the engine's error after recording it.
 */
export async function fireTrigger(deps: FireDeps, trigger: TriggerRow, o: { input: unknown; idempotencyKey?: string }): Promise<{ runId: string }> {
  const firedAt = deps.clock.now();
  const t = tables.workflowTriggers;
  try {
    const run = await deps.startRun({
      workspaceId: trigger.workspaceId, workflowId: trigger.workflowId, input: o.input,
      trigger: { kind: trigger.kind as TriggerKind, id: trigger.id }, createdBy: trigger.createdBy,
      ...(o.idempotencyKey === undefined ? {} : { idempotencyKey: o.idempotencyKey }),
    });
    await deps.db.update(t).set({ lastFiredAt: firedAt, lastRunId: run.id, lastError: null }).where(eq(t.id, trigger.id));
    return { runId: run.id };
  } catch (error) {
    if (!FoundryError.isInstance(error) || error.category !== 'user') deps.logger?.error({ err: error, triggerId: trigger.id }, 'trigger could not start a run');
    await deps.db.update(t).set({ lastFiredAt: firedAt, lastError: describeFiringError(error) }).where(eq(t.id, trigger.id))
      .catch((recordError: unknown) => deps.logger?.error({ err: recordError, triggerId: trigger.id }, 'could not record a trigger failure'));
    throw error;
  }
}
