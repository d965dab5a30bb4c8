import { describe, expect, it } from 'vitest';
import { createRunDisplay } from './run-display.ts';
import { applyRunEvent, progressOfRun } from './run-progress.ts';
import { runEvent, runId, runView } from './run-test-fixtures.ts';

function target(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, isTTY, columns: 100, rows: 30, write: (text: string) => writes.push(text) };
}

const waiting = runEvent(1, 'step.waiting', { approval: true, message: 'Go?', approverRole: 'editor' }, 'review');

describe('createRunDisplay', () => {
  it('off a TTY: one line per event, and how to approve once', () => {
    const out = target(false);
    const display = createRunDisplay(out, { timeZone: 'UTC' });
    let progress = progressOfRun(runView());
    display.start(progress);
    progress = applyRunEvent(progress, waiting);
    display.event(progress, waiting);
    const again = runEvent(2, 'run.waiting', { status: 'waiting', progress: { done: 0, total: 3 } });
    progress = applyRunEvent(progress, again);
    display.event(progress, again);
    display.finish(progress);
    expect(out.writes.join('')).toBe([
      '10:00:01 step.waiting             review (Review) awaiting approval',
      'Waiting for approval of "Review" (approver role: editor or above): Go?',
      `  approve: foundry runs approve ${runId} review [--comment TEXT]`,
      `  reject:  foundry runs reject ${runId} review [--comment TEXT]`,
      '10:00:02 run.waiting              waiting 0/3',
      '',
    ].join('\n'));
  });

  it('on a TTY: redraws the view in place and shows the cursor again at the end', () => {
    const out = target(true);
    const display = createRunDisplay(out);
    const first = progressOfRun(runView());
    display.finish(first);
    const lines = out.writes.join('');
    expect(lines.startsWith('\u001B[?25l')).toBe(true);
    expect(lines.endsWith('\u001B[?25h')).toBe(true);
    expect(lines).toContain('Digest  queued  [░░░░░░░░░░░░░░░░░░░░] 0/3\n');

    const redraw = target(true);
    const live = createRunDisplay(redraw);
    live.finish(first);
    live.finish(applyRunEvent(first, waiting));
    const second = redraw.writes.slice(2).join('');
    expect(second.startsWith('\u001B[?25l\u001B[4F\u001B[J')).toBe(true);
    expect(second).toContain('⧗ review');
  });
});
