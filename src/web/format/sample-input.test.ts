import { describe, expect, it } from 'vitest';
import { sampleInput } from './sample-input.ts';

describe('sampleInput', () => {
  it('fills each property with its default, an example, an enum value or a blank', () => {
    const schema = {
      type: 'object',
      properties: {
        title: { type: 'string' }, count: { type: 'integer', default: 3 }, tone: { enum: ['warm', 'dry'] },
        tags: { type: 'array', examples: [['a']] }, done: { type: ['boolean', 'null'] }, other: {},
      },
    };
    expect(sampleInput(schema)).toEqual({ title: '', count: 3, tone: 'warm', tags: ['a'], done: false, other: null });
  });

  it('is an empty object without a usable schema', () => {
    expect(sampleInput(undefined)).toEqual({});
    expect(sampleInput({ type: 'string' })).toEqual({});
  });
});
