import { describe, expect, it } from 'vitest';
import { BatchCommitter, type BatchAnswer } from './batch-committer.ts';

/** A pool whose calls the test answers by hand: it records each call's batches. */
function manualPool() {
  const calls: { batches: { run: string }[]; answer: (rows: BatchAnswer[]) => void; fail: (error: unknown) => void }[] = [];
  const pool = {
    query: (config: { values: unknown[] }) => new Promise((resolve, reject) => {
      calls.push({
        batches: JSON.parse(config.values[0] as string) as { run: string }[],
        answer: (rows) => resolve({ rows: rows.map((a) => ({ a })) }),
        fail: reject,
      });
    }),
  };
  return { pool: pool as never, calls };
}

const ok = (status = 'running'): BatchAnswer => ({
  lost: false, status, stepsDone: 1, stepsTotal: 3, error: null, leaseOwner: 't', startedAt: null, finishedAt: null, wakeAt: null, updatedAt: new Date(0).toISOString(), output: null,
});
const tick = () => new Promise((resolve) => setImmediate(resolve));
const batch = (run: string) => JSON.stringify({ run });

describe('BatchCommitter', () => {
  it('sends a batch at once while fewer calls than the limit are out, and groups those that arrive meanwhile', async () => {
    const { pool, calls } = manualPool();
    const committer = new BatchCommitter(pool, { maxInFlight: 2 });
    const first = committer.commit(batch('a'));
    const second = committer.commit(batch('b'));
    const waiting = [committer.commit(batch('c')), committer.commit(batch('d')), committer.commit(batch('e'))];
    await tick();
    expect(calls.map((c) => c.batches.map((b) => b.run))).toEqual([['a'], ['b']]);

    calls[0]!.answer([ok()]);
    expect(await first).toMatchObject({ lost: false, status: 'running' });
    await tick();
    expect(calls.map((c) => c.batches.map((b) => b.run))).toEqual([['a'], ['b'], ['c', 'd', 'e']]);

    calls[2]!.answer([ok(), { lost: true }, ok('succeeded')]);
    expect(await Promise.all(waiting)).toMatchObject([{ status: 'running' }, { lost: true }, { status: 'succeeded' }]);
    calls[1]!.answer([ok()]);
    await second;
  });

  it('sends each batch of a call that failed with a statement error again alone, so only its own driver gets the error', async () => {
    const { pool, calls } = manualPool();
    const committer = new BatchCommitter(pool, { maxInFlight: 1 });
    const blocker = committer.commit(batch('first'));
    const grouped = ['good', 'bad', 'fine'].map((run) => committer.commit(batch(run)).then((a) => a, (error: unknown) => error));
    await tick();
    calls[0]!.answer([ok()]);
    await blocker;
    await tick();
    expect(calls[1]!.batches.map((b) => b.run)).toEqual(['good', 'bad', 'fine']);
    calls[1]!.fail(Object.assign(new Error('duplicate key'), { code: '23505' }));
    for (const run of ['good', 'bad', 'fine']) {
      await tick();
      const call = calls.at(-1)!;
      expect(call.batches.map((b) => b.run)).toEqual([run]);
      if (run === 'bad') call.fail(Object.assign(new Error('duplicate key'), { code: '23505' }));
      else call.answer([ok()]);
    }
    const [good, bad, fine] = await Promise.all(grouped);
    expect(good).toMatchObject({ lost: false });
    expect(bad).toMatchObject({ code: '23505' });
    expect(fine).toMatchObject({ lost: false });
  });

  it('does not send a call again when the connection failed: it may have committed', async () => {
    const { pool, calls } = manualPool();
    const committer = new BatchCommitter(pool, { maxInFlight: 1 });
    const blocker = committer.commit(batch('first'));
    const grouped = ['x', 'y'].map((run) => committer.commit(batch(run)).then(() => 'ok', (error: Error) => error.message));
    await tick();
    calls[0]!.answer([ok()]);
    await blocker;
    await tick();
    calls[1]!.fail(new Error('Connection terminated unexpectedly'));
    expect(await Promise.all(grouped)).toEqual(['Connection terminated unexpectedly', 'Connection terminated unexpectedly']);
    expect(calls).toHaveLength(2);
  });
});
