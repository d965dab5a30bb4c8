import { describe, expect, it } from 'vitest';
import { InvalidRunTransitionError } from './engine-errors.ts';
import {
  allowedRunEvents, isTerminal, runEventTypes, runStates, transitionRun, type RunEvent, type RunEventType, type RunState,
} from './run-state.ts';

const plainFail: RunEvent = { type: 'fail', onFailure: 'fail', hasCompensableSteps: true };
const event = (type: RunEventType): RunEvent => (type === 'fail' ? plainFail : { type });

/** The specification, written out independently of the implementation's table. */
const allowed: [RunState, RunEventType, RunState][] = [
  ['queued', 'start', 'running'],
  ['queued', 'pause', 'paused'],
  ['queued', 'cancel', 'cancelled'],
  ['running', 'wait', 'waiting'],
  ['running', 'pause', 'paused'],
  ['running', 'succeed', 'succeeded'],
  ['running', 'fail', 'failed'],
  ['running', 'cancel', 'cancelled'],
  ['waiting', 'resume_waiting', 'queued'],
  ['waiting', 'pause', 'paused'],
  ['waiting', 'fail', 'failed'],
  ['waiting', 'cancel', 'cancelled'],
  ['paused', 'resume', 'queued'],
  ['paused', 'resume_waiting', 'paused'],
  ['paused', 'cancel', 'cancelled'],
  ['compensating', 'compensation_done', 'compensated'],
  ['compensating', 'fail', 'failed'],
];
const expected = new Map(allowed.map(([from, type, to]) => [`${from}:${type}`, to]));

describe('transitionRun', () => {
  describe.each(runStates)('from %s', (from) => {
    it.each(runEventTypes)('%s', (type) => {
      const to = expected.get(`${from}:${type}`);
      if (to === undefined) {
        expect(() => transitionRun(from, event(type))).toThrow(InvalidRunTransitionError);
      } else {
        expect(transitionRun(from, event(type))).toBe(to);
      }
    });
  });

  it('compensates a failing saga run that has something to undo', () => {
    for (const from of ['running', 'waiting'] as const) {
      expect(transitionRun(from, { type: 'fail', onFailure: 'saga', hasCompensableSteps: true })).toBe('compensating');
    }
  });

  it('fails a saga run with nothing to compensate, and a non-saga run in any case', () => {
    expect(transitionRun('running', { type: 'fail', onFailure: 'saga', hasCompensableSteps: false })).toBe('failed');
    expect(transitionRun('running', { type: 'fail', onFailure: 'fail', hasCompensableSteps: true })).toBe('failed');
  });

  it('ends failed when a compensation fails for good, whatever the policy', () => {
    expect(transitionRun('compensating', { type: 'fail', onFailure: 'saga', hasCompensableSteps: true })).toBe('failed');
  });

  it('lets compensation finish: no cancel or pause while compensating', () => {
    expect(() => transitionRun('compensating', { type: 'cancel' })).toThrow(InvalidRunTransitionError);
    expect(() => transitionRun('compensating', { type: 'pause' })).toThrow(InvalidRunTransitionError);
  });

  it('explains a forbidden transition with a 409 and the allowed events', () => {
    let thrown: unknown;
    try {
      transitionRun('succeeded', { type: 'pause' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidRunTransitionError);
    const error = thrown as InvalidRunTransitionError;
    expect(error.message).toBe('Cannot pause a succeeded run.');
    expect(error.status).toBe(409);
    expect(error.details).toEqual({ from: 'succeeded', event: 'pause', allowed: [] });
    expect(() => transitionRun('running', { type: 'resume' })).toThrow('Cannot resume a running run.');
  });

  it('lists what a state accepts', () => {
    expect(allowedRunEvents('paused')).toEqual(['resume_waiting', 'resume', 'cancel']);
  });
});

describe('isTerminal', () => {
  it('holds for succeeded, failed, compensated and cancelled only', () => {
    expect(runStates.filter(isTerminal)).toEqual(['succeeded', 'failed', 'compensated', 'cancelled']);
  });
});
