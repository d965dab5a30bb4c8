import { describe, expect, it } from 'vitest';
import { attrs, el, escapeXml, fmt, textEl } from './svg.ts';
import { mirrorPath } from './apparel-geometry.ts';
import { circlePath, rectPath, transformPath, translatePath } from './path.ts';

describe('svg builder', () => {
  it('escapes attribute values and text', () => {
    expect(escapeXml(`a<b & "c" 'd'>`)).toBe('a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;');
    expect(el('text', { title: 'A "quote" & <tag>' })).toBe('<text title="A &quot;quote&quot; &amp; &lt;tag&gt;"/>');
    expect(textEl('R&D <1>', { x: 1 })).toBe('<text x="1">R&amp;D &lt;1&gt;</text>');
  });

  it('rounds numbers to two decimals and drops false and undefined attributes', () => {
    expect(fmt(1.23456)).toBe('1.23');
    expect(fmt(-0.001)).toBe('0');
    expect(attrs({ a: 1.005, b: undefined, c: false, d: true, e: 'x' })).toBe(' a="1" d="d" e="x"');
  });
});

describe('path helpers', () => {
  it('draws rounded rectangles and circles with arcs', () => {
    expect(rectPath({ x: 0, y: 0, w: 10, h: 20 }, 2)).toBe('M2 0H8A2 2 0 0 1 10 2V18A2 2 0 0 1 8 20H2A2 2 0 0 1 0 18V2A2 2 0 0 1 2 0Z');
    expect(rectPath({ x: 0, y: 0, w: 4, h: 4 }, 10)).toContain('A2 2');
    expect(circlePath({ x: 5, y: 5 }, 1)).toBe('M4 5A1 1 0 1 0 6 5A1 1 0 1 0 4 5Z');
  });

  it('moves and mirrors paths, flipping arc sweeps in a mirror', () => {
    expect(translatePath('M0 0L10 0C1 1 2 2 3 3', 5, 1)).toBe('M5 1L15 1C6 2 7 3 8 4');
    expect(mirrorPath('M1 0L2 3A1 1 0 0 1 4 4Z')).toBe('M-1 0L-2 3A1 1 0 0 0 -4 4Z');
    expect(transformPath('M0 0H5V5', (p) => ({ x: p.x * 2, y: p.y }))).toBe('M0 0L10 0L10 5');
  });
});
