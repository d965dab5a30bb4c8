import { describe, expect, it } from 'vitest';
import type { RunEventView } from '../engine/index.ts';
import {
  applyRunEvent, approvalHint, describeEvent, pendingApprovals, progressBar, progressCounts, progressOfRun, renderProgress, type RunProgress,
} from './run-progress.ts';
import { runEvent, runId, runView, stepView } from './run-test-fixtures.ts';

function replay(progress: RunProgress, events: RunEventView[]): { progress: RunProgress; lines: string[] } {
  const lines: string[] = [];
  for (const event of events) {
    progress = applyRunEvent(progress, event);
    lines.push(describeEvent(event, progress, { timeZone: 'UTC' }));
  }
  return { progress, lines };
}

const retrying = [
  runEvent(1, 'run.started', { status: 'running', progress: { done: 0, total: 3 } }),
  runEvent(2, 'step.started', { attempt: 1 }, 'start'),
  runEvent(3, 'step.succeeded', {}, 'start'),
  runEvent(4, 'step.started', { attempt: 1 }, 'fetch'),
  runEvent(5, 'step.retrying', { attempt: 1, delayMs: 2000, error: { code: 'HTTP_503', message: 'Service unavailable' } }, 'fetch'),
];

describe('run progress', () => {
  it('renders a compact view with the bar, symbols, attempts and the pending retry', () => {
    const { progress } = replay(progressOfRun(runView()), retrying);
    expect(renderProgress(progress)).toEqual([
      'Digest  running  [███████░░░░░░░░░░░░░] 1/3',
      '  ✓ start   Start   1 attempt',
      '  ↻ fetch   Fetch   1 attempt, retry 2 in 2s, HTTP_503: Service unavailable',
      '  ○ review  Review',
    ]);
  });

  it('prints one line per event for logs', () => {
    const { lines } = replay(progressOfRun(runView()), [
      ...retrying,
      runEvent(6, 'step.started', { attempt: 2 }, 'fetch'),
      runEvent(7, 'step.succeeded', { attempt: 2 }, 'fetch'),
      runEvent(8, 'step.waiting', {}, 'review'),
      runEvent(9, 'run.waiting', { status: 'waiting', progress: { done: 2, total: 3 } }),
      runEvent(10, 'step.approved', { comment: 'looks good' }, 'review'),
      runEvent(11, 'run.completed', { status: 'succeeded', progress: { done: 3, total: 3 }, output: { ok: true } }),
    ]);
    expect(lines).toEqual([
      '10:00:01 run.started              running 0/3',
      '10:00:02 step.started             start (Start) attempt 1',
      '10:00:03 step.succeeded           start (Start)',
      '10:00:04 step.started             fetch (Fetch) attempt 1',
      '10:00:05 step.retrying            fetch (Fetch) attempt 1 failed (HTTP_503: Service unavailable); retrying in 2s',
      '10:00:06 step.started             fetch (Fetch) attempt 2',
      '10:00:07 step.succeeded           fetch (Fetch)',
      '10:00:08 step.waiting             review (Review) awaiting approval',
      '10:00:09 run.waiting              waiting 2/3',
      '10:00:10 step.approved            review (Review): looks good',
      '10:00:11 run.completed            succeeded 3/3',
    ]);
  });

  it('shows how to answer an approval', () => {
    const run = runView({
      status: 'waiting',
      steps: [
        stepView('start', { type: 'trigger', status: 'succeeded' }),
        stepView('review', { type: 'approval', status: 'waiting', approval: { message: 'Publish the digest?', approverRole: 'editor' } }),
      ],
    });
    const progress = progressOfRun(run);
    expect(pendingApprovals(progress).map((s) => s.nodeId)).toEqual(['review']);
    expect(renderProgress(progress, { width: 200 }).slice(2)).toEqual([
      '  ⧗ review  Review  awaiting approval (editor)',
      'Waiting for approval of "Review" (approver role: editor or above): Publish the digest?',
      `  approve: foundry runs approve ${runId} review [--comment TEXT]`,
      `  reject:  foundry runs reject ${runId} review [--comment TEXT]`,
    ]);
  });

  it('learns an approval from its step.waiting event, and keeps compensation apart from attempts', () => {
    const { progress, lines } = replay(progressOfRun(runView({ steps: [stepView('start', { type: 'trigger' }), stepView('fetch'), stepView('review')] })), [
      runEvent(1, 'step.started', { attempt: 1 }, 'fetch'),
      runEvent(2, 'step.succeeded', {}, 'fetch'),
      runEvent(3, 'step.waiting', { approval: true, message: 'Ship it?', approverRole: 'admin' }, 'review'),
      runEvent(4, 'step.compensating', { attempt: 1 }, 'fetch'),
      runEvent(5, 'step.retrying', { attempt: 1, delayMs: 100, purpose: 'compensate', error: { code: 'E', message: 'undo failed' } }, 'fetch'),
      runEvent(6, 'step.compensating', { attempt: 2 }, 'fetch'),
      runEvent(7, 'step.compensated', { attempt: 2 }, 'fetch'),
    ]);
    expect(pendingApprovals(progress).map((s) => s.approval)).toEqual([{ message: 'Ship it?', approverRole: 'admin' }]);
    expect(lines[2]).toBe('10:00:03 step.waiting             review (Review) awaiting approval');
    expect(lines[4]).toBe('10:00:05 step.retrying            fetch (Fetch) attempt 1 failed (E: undo failed); retrying in 100ms');
    expect(progress.steps[1]).toMatchObject({ status: 'compensated', attempts: 1 });
    expect(renderProgress(progress, { width: 120 })).toEqual([
      'Digest  queued  [███████░░░░░░░░░░░░░] 1/3',
      '  ○ start   Start',
      '  ↩ fetch   Fetch   1 attempt, E: undo failed',
      '  ⧗ review  Review  awaiting approval (admin)',
      ...approvalHint(runId, progress.steps[2]!),
    ]);
  });

  it('ignores events it has applied already (a replay after reconnecting)', () => {
    const { progress } = replay(progressOfRun(runView()), retrying);
    const again = retrying.reduce(applyRunEvent, progress);
    expect(again).toBe(progress);
    expect(progress.lastSeq).toBe(5);
  });

  it('adds steps it did not know, map items after their node, grouped in the view', () => {
    const run = runView({ steps: [stepView('start', { type: 'trigger', status: 'succeeded' }), stepView('each', { type: 'map' }), stepView('out', { type: 'output' })] });
    const { progress } = replay(progressOfRun(run), [
      runEvent(1, 'step.started', { attempt: 1 }, 'each', 0),
      runEvent(2, 'step.started', { attempt: 1 }, 'each', 1),
      runEvent(3, 'step.succeeded', {}, 'each', 0),
      runEvent(4, 'step.retrying', { attempt: 1, delayMs: 500 }, 'each', 1),
      runEvent(5, 'step.started', { attempt: 2 }, 'each', 1),
      runEvent(6, 'step.started', { attempt: 1 }, 'each', 2),
    ]);
    expect(progress.steps.map((s) => `${s.nodeId}:${s.itemIndex}`)).toEqual(['start:null', 'each:null', 'each:0', 'each:1', 'each:2', 'out:null']);
    expect(renderProgress(progress)).toEqual([
      'Digest  queued  [███████░░░░░░░░░░░░░] 2/6',
      '  ✓ start   Start',
      '  ○ each    Each',
      '  ● each[]  Each   items 1/3 done, 2 running, 1 retry',
      '  ○ out     Out',
    ]);
  });

  it('shows waits, failures, the run error, and the counts a snapshot reports', () => {
    const run = runView({
      status: 'failed',
      progress: { done: 2, total: 3 },
      error: { code: 'STEP_FAILED', message: 'fetch failed for good', nodeId: 'fetch' },
      steps: [
        stepView('pause', { type: 'wait', status: 'waiting', dueAt: '2025-01-02T11:30:00.000Z' }),
        stepView('fetch', {
          status: 'failed', error: { code: 'HTTP_404', message: 'gone' },
          attempts: [1, 2, 3].map((n) => ({
            number: n, purpose: 'execute' as const, status: 'failed' as const, idempotencyKey: `k${n}`, input: null, output: null,
            error: { code: 'HTTP_404', message: 'gone' }, costUsd: null, workerId: null, startedAt: '', finishedAt: '',
          })),
        }),
      ],
    });
    expect(renderProgress(progressOfRun(run), { width: 44, timeZone: 'Europe/Paris' })).toEqual([
      'Digest  failed  [█████████████░░░░░░░] 2/3',
      '  ⧗ pause  Pause  waiting until 12:30:00',
      '  ✗ fetch  Fetch  3 attempts, HTTP_404: gone',
      'error: STEP_FAILED: fetch failed for good (…',
    ]);
  });

  it('folds quiet steps when the terminal is short', () => {
    const steps = Array.from({ length: 10 }, (_, i) => stepView(`s${i}`, { status: i < 6 ? 'succeeded' : i === 6 ? 'running' : 'pending' }));
    const lines = renderProgress(progressOfRun(runView({ status: 'running', steps, progress: { done: 6, total: 10 } })), { maxLines: 5 });
    expect(lines).toHaveLength(5);
    expect(lines.slice(1)).toEqual(['  ✓ s0  S0', '  ✓ s1  S1', '  ● s6  S6', '  … 7 more steps (4 finished, 3 not started)']);
  });

  it('counts done from the server or from finished steps, whichever is ahead', () => {
    expect(progressCounts(progressOfRun(runView({ progress: { done: 0, total: 5 } })))).toEqual({ done: 0, total: 5 });
    const steps = [stepView('a', { status: 'succeeded' }), stepView('b', { status: 'skipped' })];
    expect(progressCounts(progressOfRun(runView({ steps, progress: { done: 0, total: 0 } })))).toEqual({ done: 2, total: 2 });
    expect(progressBar(1, 4, 8)).toBe('[██░░░░░░]');
    expect(progressBar(0, 0, 4)).toBe('[░░░░]');
  });
});
