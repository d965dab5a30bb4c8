import { describe, expect, it } from 'vitest';
import type { RunStatus } from '../api-types.ts';
import { isTerminalRun, runActions } from './run-actions.ts';

describe('runActions', () => {
  it('follows the run state machine', () => {
    const table: [RunStatus, string][] = [
      ['queued', 'cancel pause'], ['running', 'cancel pause'], ['waiting', 'cancel pause'], ['paused', 'cancel resume'],
      ['compensating', ''], ['succeeded', ''], ['failed', ''], ['compensated', ''], ['cancelled', ''],
    ];
    for (const [status, allowed] of table) {
      const actions = runActions(status);
      const names = (['cancel', 'pause', 'resume'] as const).filter((name) => actions[name]).join(' ');
      expect(names, status).toBe(allowed);
    }
  });

  it('knows the terminal statuses', () => {
    expect(['succeeded', 'failed', 'compensated', 'cancelled'].every((s) => isTerminalRun(s as RunStatus))).toBe(true);
    expect(isTerminalRun('waiting')).toBe(false);
    expect(isTerminalRun('compensating')).toBe(false);
  });
});
