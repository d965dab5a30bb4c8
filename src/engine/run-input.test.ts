import { describe, expect, it } from 'vitest';
import { checkRunInput } from './run-input.ts';

describe('checkRunInput', () => {
  const schema = { type: 'object', required: ['email'], properties: { email: { type: 'string' }, amount: { type: 'number', minimum: 0 } } };

  it('accepts any input when the workflow has no schema, and a matching one when it has', () => {
    expect(() => checkRunInput(undefined, 'anything')).not.toThrow();
    expect(() => checkRunInput(schema, { email: 'a@b.c', amount: 3 })).not.toThrow();
  });

  it('lists every problem with its path under RUN_INPUT_INVALID', () => {
    let error: unknown;
    try {
      checkRunInput(schema, { amount: -1 });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'RUN_INPUT_INVALID', status: 400 });
    const problems = (error as { details: { problems: { path: string }[] } }).details.problems;
    expect(problems.map((p) => p.path).sort()).toEqual(['', '/amount']);
  });

  it('reports a broken schema as the input problem rather than crashing', () => {
    expect(() => checkRunInput({ type: 'no-such-type' }, {})).toThrow(expect.objectContaining({ code: 'RUN_INPUT_INVALID' }));
  });
});
