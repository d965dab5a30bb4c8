import { describe, expect, it } from 'vitest';
import { elapsed, formatDuration } from './format-duration.ts';

describe('formatDuration', () => {
  it('picks a readable unit', () => {
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(4_240)).toBe('4.2 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(180_000)).toBe('3 min');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(7_800_000)).toBe('2 h 10 min');
    expect(formatDuration(-1)).toBe('—');
  });

  it('measures to the end, or to now while running', () => {
    expect(elapsed(null, null)).toBeNull();
    expect(elapsed('2026-01-01T00:00:00Z', '2026-01-01T00:00:02.5Z')).toBe(2_500);
    expect(elapsed('2026-01-01T00:00:00Z', null, Date.parse('2026-01-01T00:01:00Z'))).toBe(60_000);
  });
});
