import type pg from 'pg';

/** What `foundry_commit_batches` (migration 0009) answers for one batch. */
export type BatchAnswer =
  | { lost: true }
  | {
    lost: false; status: string; stepsDone: number; stepsTotal: number; error: Record<string, unknown> | null; leaseOwner: string | null;
    startedAt: string | null; finishedAt: string | null; wakeAt: string | null; updatedAt: string; output: unknown;
  };

interface Pending {
  payload: string;
  resolve: (answer: BatchAnswer) => void;
  reject: (error: unknown) => void;
}

/** The SQL function's call for a JSON array of batches: one round trip, one commit. */
export async function callCommitBatches(pool: Pick<pg.Pool, 'query'>, payloads: string[]): Promise<BatchAnswer[]> {
  const { rows } = await pool.query<{ a: BatchAnswer }>({ name: 'foundry_commit_batches', text: 'select foundry_commit_batches($1::jsonb) as a', values: [`[${payloads.join(',')}]`] });
  return rows.map((row) => row.a);
}

/** A statement error (it has an SQLSTATE): its transaction was rolled back, so nothing of the call was written. */
const rolledBack = (error: unknown): boolean => typeof (error as { code?: unknown } | null)?.code === 'string';

/**
 * Group commit across the runs of a process. A batch arriving while fewer than `maxInFlight` calls
 * are out goes at once, alone; batches arriving while they are out wait and then go together, in
 * one call and one transaction. With one run nothing waits; with many, a commit (its round trip,
 * its WAL flush, its transaction overhead) is shared by the steps of many runs.
 *
 * Each batch belongs to one run and a driver has at most one batch out, so the batches of a call
 * touch disjoint runs. A batch whose lease is lost answers `lost` without failing the others. If a
 * call fails with a statement error, it was rolled back whole, and each of its batches is sent
 * again alone, so the error reaches only the driver whose batch caused it.
 */
export class BatchCommitter {
  private readonly queued: Pending[] = [];
  private inFlight = 0;
  private readonly pool: Pick<pg.Pool, 'query'>;
  private readonly maxInFlight: number;
  private readonly maxGroup: number;

  constructor(pool: Pick<pg.Pool, 'query'>, options: { maxInFlight?: number; maxGroup?: number } = {}) {
    this.pool = pool;
    this.maxInFlight = options.maxInFlight ?? 2;
    this.maxGroup = options.maxGroup ?? 100;
  }

  commit(payload: string): Promise<BatchAnswer> {
    return new Promise((resolve, reject) => {
      this.queued.push({ payload, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queued.length > 0) {
      const group = this.queued.splice(0, this.maxGroup);
      this.inFlight += 1;
      void this.send(group).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async send(group: Pending[]): Promise<void> {
    try {
      const answers = await callCommitBatches(this.pool, group.map((p) => p.payload));
      group.forEach((p, i) => p.resolve(answers[i]!));
    } catch (error) {
      if (group.length === 1 || !rolledBack(error)) {
        for (const p of group) p.reject(error);
        return;
      }
      for (const p of group) await callCommitBatches(this.pool, [p.payload]).then((answers) => p.resolve(answers[0]!), p.reject);
    }
  }
}
