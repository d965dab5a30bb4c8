import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../api-types.ts';
import { describeRunEvent, runEventNames } from './describe-run-event.ts';

const event = (type: RunEvent['type'], data: Record<string, unknown> = {}, nodeId: string | null = null, itemIndex: number | null = null): RunEvent => ({
  seq: 1, runId: '00000000-0000-4000-8000-000000000000', type, nodeId, itemIndex, data, at: '2026-01-01T00:00:00Z',
});
const names = (nodeId: string) => ({ review: 'Review', fetch: 'Fetch' })[nodeId] ?? nodeId;

describe('describeRunEvent', () => {
  it('names the step and its map item', () => {
    expect(describeRunEvent(event('step.started', {}, 'fetch', 1), names).title).toBe('Fetch #2: Started');
    expect(describeRunEvent(event('step.approved', { comment: 'Looks good' }, 'review'), names)).toEqual({ title: 'Review: Approved', detail: 'Looks good', tone: 'good' });
  });

  it('says how a run ended, with its error', () => {
    expect(describeRunEvent(event('run.completed', { status: 'succeeded', output: 1 }), names)).toEqual({ title: 'Run succeeded', detail: null, tone: 'good' });
    const failed = describeRunEvent(event('run.completed', { status: 'failed', error: { code: 'STEP_TIMEOUT', message: 'Took too long' } }), names);
    expect(failed).toEqual({ title: 'Run failed', detail: 'Took too long (STEP_TIMEOUT)', tone: 'bad' });
  });

  it('explains a retry', () => {
    const retry = describeRunEvent(event('step.retrying', { attempt: 2, delayMs: 4_000, error: { code: 'X', message: 'Busy' } }, 'fetch'), names);
    expect(retry.detail).toBe('attempt 2 failed; next in 4.0 s; Busy (X)');
  });

  it('knows every event type', () => {
    expect(runEventNames).toHaveLength(18);
    expect(runEventNames).toContain('step.compensation_failed');
  });
});
