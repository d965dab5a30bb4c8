import { describe, expect, it } from 'vitest';
import { jsonSchemaInput } from './json-schema-input.ts';

const issues = (schema: Record<string, unknown>, value: unknown) => {
  const result = jsonSchemaInput(schema).safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
};

describe('jsonSchemaInput', () => {
  const schema = {
    type: 'object', additionalProperties: false, required: ['city'],
    properties: { city: { type: 'string', minLength: 2 }, days: { type: 'integer', maximum: 14 }, tags: { type: 'array', items: { type: 'string' } }, when: { type: 'string', format: 'date' } },
  };

  it('accepts an input that passes the JSON Schema and keeps it as is', () => {
    expect(jsonSchemaInput(schema).parse({ city: 'Lyon', days: 3, tags: ['a'], when: '2025-04-01' })).toEqual({ city: 'Lyon', days: 3, tags: ['a'], when: '2025-04-01' });
  });

  it('reports every problem with its path, including missing and unexpected properties', () => {
    expect(issues(schema, { days: 30, tags: ['a', 2], extra: true, when: 'soon' })).toEqual(expect.arrayContaining([
      ['city', "must have required property 'city'"],
      ['days', 'must be <= 14'],
      ['tags.1', 'must be string'],
      ['extra', 'must NOT have additional properties'],
      ['when', 'must match format "date"'],
    ]));
  });

  it('refuses what is not an object', () => {
    expect(jsonSchemaInput(schema).safeParse(['Lyon']).success).toBe(false);
  });

  it('reads draft 2020-12 schemas', () => {
    const prefixed = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }] } } };
    expect(issues(prefixed, { pair: ['a', 1] })).toEqual([]);
    expect(issues(prefixed, { pair: [1, 'a'] })).toEqual([['pair.0', 'must be string'], ['pair.1', 'must be number']]);
  });

  it('checks only that the input is an object when the schema cannot be compiled', () => {
    const broken = { type: 'object', properties: { a: { type: 'no-such-type' } } };
    expect(jsonSchemaInput(broken).safeParse({ a: 1 }).success).toBe(true);
    expect(jsonSchemaInput(broken).safeParse('a').success).toBe(false);
  });
});
