import { describe, expect, it } from 'vitest';
import { parseJsonText } from './parse-json-text.ts';

describe('parseJsonText', () => {
  it('parses JSON and treats blank text as no value', () => {
    expect(parseJsonText('{"title": "Launch"}')).toEqual({ ok: true, value: { title: 'Launch' } });
    expect(parseJsonText('  \n')).toEqual({ ok: true, value: undefined });
    expect(parseJsonText('null')).toEqual({ ok: true, value: null });
  });

  it('explains what is wrong', () => {
    const result = parseJsonText('{"title": }');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^Not valid JSON: ./);
  });
});
