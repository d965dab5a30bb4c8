import { describe, expect, it } from 'vitest';
import { pdfSafeText } from './pdf-safe-text.ts';

// WinAnsi's printable ASCII and a few of its upper-half characters, as pdf-lib reports them.
const charset = new Set([...Array.from({ length: 95 }, (_, i) => 32 + i), ...[...'×“”—–•é°±µ'].map((c) => c.codePointAt(0)!)]);

describe('pdfSafeText', () => {
  it('keeps encodable characters and spells out common symbols', () => {
    expect(pdfSafeText('2 × 3 ≤ 7 — “ok” → 5 °C ± 0.1 µm', charset)).toBe('2 × 3 <= 7 — “ok” -> 5 °C ± 0.1 µm');
    expect(pdfSafeText('Ø12 ⌀ 5 − 2 ✓', charset)).toBe('?12 dia.  5 - 2 [x]');
  });

  it('strips accents it cannot encode and replaces what is left', () => {
    expect(pdfSafeText('Łódź Şişli café 中国 😀', charset)).toBe('?odz Sisli café ?? ?');
  });

  it('removes invisible and control characters', () => {
    expect(pdfSafeText('a\u200bb\u0007c\u00ad', charset)).toBe('abc');
  });
});
