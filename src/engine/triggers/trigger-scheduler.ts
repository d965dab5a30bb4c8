import { and, asc, eq, lte } from 'drizzle-orm';
import { tables } from '../../db/index.ts';
import type { Logger } from '../../kernel/index.ts';
import { fireTrigger, triggerIdempotencyKey, type FireDeps } from './fire-trigger.ts';
import { decideFiring, type ScheduleConfig } from './schedule.ts';
import { scheduleConfig } from './trigger-schemas.ts';

/**
 * The scheduler: each tick takes the due schedule triggers and claims each firing with a
 * compare-and-set on `next_fire_at`, so with several processes every firing starts one run.
 */

export interface TriggerSchedulerDeps extends FireDeps {
  logger: Logger;
  /** Due triggers taken per tick (the rest wait for the next one). */
  batchSize?: number;
}

export interface TriggerScheduler {
  /** Fires what is due now; returns how many runs it started. Overlapping calls return 0. */
  tick(): Promise<number>;
}

const t = tables.workflowTriggers;

export function createTriggerScheduler(deps: TriggerSchedulerDeps): TriggerScheduler {
  const batchSize = deps.batchSize ?? 100;
  let busy = false;

  async function fireOne(row: typeof t.$inferSelect, now: Date): Promise<boolean> {
    const due = row.nextFireAt!;
    const parsed = scheduleConfig.safeParse(row.config);
    if (!parsed.success) {
      await deps.db.update(t).set({ nextFireAt: null, lastError: 'CONFIG_INVALID: the schedule no longer parses; edit the trigger.' })
        .where(and(eq(t.id, row.id), eq(t.nextFireAt, due)));
      return false;
    }
    const decision = decideFiring(parsed.data as ScheduleConfig, due, now);
    const [claimed] = await deps.db.update(t)
      .set({ nextFireAt: decision.next, ...(decision.fire ? { lastFiredAt: now } : {}) })
      .where(and(eq(t.id, row.id), eq(t.nextFireAt, due), eq(t.status, 'active')))
      .returning({ id: t.id });
    if (!claimed) return false;
    if (!decision.fire) {
      deps.logger.info({ triggerId: row.id, due: due.toISOString() }, 'missed schedule firing skipped');
      return false;
    }
    try {
      await fireTrigger(deps, row, {
        input: { scheduledFor: due.toISOString(), firedAt: now.toISOString(), missed: decision.missed },
        idempotencyKey: triggerIdempotencyKey(row, due.toISOString()),
      });
      return true;
    } catch {
      return false;
    }
  }

  return {
    async tick() {
      if (busy) return 0;
      busy = true;
      try {
        const now = deps.clock.now();
        const due = await deps.db.select().from(t)
          .where(and(eq(t.kind, 'schedule'), eq(t.status, 'active'), lte(t.nextFireAt, now)))
          .orderBy(asc(t.nextFireAt)).limit(batchSize);
        let fired = 0;
        for (const row of due) if (await fireOne(row, now)) fired += 1;
        return fired;
      } finally {
        busy = false;
      }
    },
  };
}

/** Ticks the scheduler every `intervalMs` (1 s by default) until closed. */
export function startTriggerScheduler(deps: TriggerSchedulerDeps & { intervalMs?: number }): TriggerScheduler & { close(): Promise<void> } {
  const scheduler = createTriggerScheduler(deps);
  let current: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    current = scheduler.tick().catch((error: unknown) => deps.logger.error({ err: error }, 'trigger scheduler tick failed'));
  }, deps.intervalMs ?? 1000);
  timer.unref();
  return {
    tick: scheduler.tick,
    async close() {
      clearInterval(timer);
      await current;
    },
  };
}
