import { describe, expect, it } from 'vitest';
import { InvalidStepTransitionError } from './engine-errors.ts';
import {
  allowedStepEvents, isTerminalStep, stepEventTypes, stepStates, transitionStep, type StepEventType, type StepState,
} from './step-state.ts';

/** The specification, written out independently of the implementation's table. */
const allowed: [StepState, StepEventType, StepState][] = [
  ['pending', 'ready', 'ready'],
  ['pending', 'skip', 'skipped'],
  ['ready', 'start', 'running'],
  ['running', 'retry', 'retrying'],
  ['running', 'wait', 'waiting'],
  ['running', 'succeed', 'succeeded'],
  ['running', 'fail', 'failed'],
  ['retrying', 'start', 'running'],
  ['waiting', 'succeed', 'succeeded'],
  ['waiting', 'fail', 'failed'],
  ['succeeded', 'compensate', 'compensating'],
  ['compensating', 'retry', 'compensating'],
  ['compensating', 'compensation_done', 'compensated'],
  ['compensating', 'compensation_fail', 'compensation_failed'],
];
const expected = new Map(allowed.map(([from, type, to]) => [`${from}:${type}`, to]));

describe('transitionStep', () => {
  describe.each(stepStates)('from %s', (from) => {
    it.each(stepEventTypes)('%s', (type) => {
      const to = expected.get(`${from}:${type}`);
      if (to === undefined) {
        expect(() => transitionStep(from, { type })).toThrow(InvalidStepTransitionError);
      } else {
        expect(transitionStep(from, { type })).toBe(to);
      }
    });
  });

  it('walks a step through retries to success and then compensation', () => {
    const path: StepEventType[] = ['ready', 'start', 'retry', 'start', 'succeed', 'compensate', 'retry', 'compensation_done'];
    expect(path.reduce<StepState>((state, type) => transitionStep(state, { type }), 'pending')).toBe('compensated');
  });

  it('reports a forbidden transition as an engine bug with the allowed events', () => {
    let thrown: unknown;
    try {
      transitionStep('failed', { type: 'compensate' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidStepTransitionError);
    const error = thrown as InvalidStepTransitionError;
    expect(error.category).toBe('system');
    expect(error.details).toEqual({ from: 'failed', event: 'compensate', allowed: [] });
    expect(allowedStepEvents('running')).toEqual(['retry', 'wait', 'succeed', 'fail']);
  });
});

describe('isTerminalStep', () => {
  it('holds for failed, skipped, compensated and compensation_failed; succeeded may still be compensated', () => {
    expect(stepStates.filter(isTerminalStep)).toEqual(['failed', 'skipped', 'compensated', 'compensation_failed']);
  });
});
