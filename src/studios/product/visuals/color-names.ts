/**
 * Common colour words and a representative sRGB value for each, for turning "make it navy" into a
 * hex. Where CSS names exist the CSS value is used; textile words (navy, charcoal, heather) use
 * typical swatch values instead of the saturated CSS ones.
 */
export const colorNames: Record<string, string> = {
  black: '#111111', 'jet black': '#0a0a0a', white: '#ffffff', 'off white': '#f4f1ea', ivory: '#fffff0', cream: '#f3ecd8',
  navy: '#1f2a44', 'navy blue': '#1f2a44', 'midnight blue': '#191970', blue: '#1565c0', 'royal blue': '#4169e1', 'sky blue': '#87ceeb',
  'light blue': '#add8e6', 'baby blue': '#a7c7e7', cobalt: '#0047ab', teal: '#00796b', turquoise: '#40e0d0', aqua: '#00b3b3',
  green: '#2e7d32', 'forest green': '#228b22', 'dark green': '#1b4d2e', olive: '#6b6b2f', sage: '#9caf88', mint: '#98d8b1', lime: '#7cb342',
  red: '#c62828', crimson: '#dc143c', burgundy: '#800020', maroon: '#800000', wine: '#722f37', coral: '#ff7f50', pink: '#f06292',
  'hot pink': '#ff69b4', blush: '#f4c2c2', orange: '#ef6c00', rust: '#b7410e', yellow: '#fbc02d', mustard: '#d4a017', gold: '#c9a227',
  purple: '#6a1b9a', violet: '#8f00ff', lavender: '#b39ddb', lilac: '#c8a2c8', brown: '#6d4c41', chocolate: '#5d3a1a', tan: '#d2b48c',
  beige: '#d8c8a8', sand: '#c2b280', khaki: '#c3b091', camel: '#c19a6b', grey: '#9e9e9e', gray: '#9e9e9e', 'light grey': '#d3d3d3',
  'light gray': '#d3d3d3', 'dark grey': '#555555', 'dark gray': '#555555', charcoal: '#36454f', heather: '#b6b6b4', 'heather grey': '#b6b6b4',
  silver: '#c0c0c0', graphite: '#41424c', slate: '#708090', 'space grey': '#4a4b4f', 'stainless steel': '#c9ccce', steel: '#b0b7bc',
  clear: '#eef3f6', transparent: '#eef3f6', frosted: '#e4ebef',
};

const hexPattern = /^#[0-9a-f]{6}$/i;

/** The hex of a colour word or phrase (longest known name inside it wins), or undefined. */
export function colorHexFor(name: string): string | undefined {
  const text = name.trim().toLowerCase();
  if (hexPattern.test(text)) return text;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(text);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
  let best: string | undefined;
  for (const word of Object.keys(colorNames)) {
    if (new RegExp(`(^|[^a-z])${word}([^a-z]|$)`).test(text) && (best === undefined || word.length > best.length)) best = word;
  }
  return best === undefined ? undefined : colorNames[best];
}

/** The known colour word closest to a hex (for captions), by squared RGB distance. */
export function colorNameFor(hex: string): string {
  const rgb = hexToRgb(hex);
  let best = 'custom';
  let bestDistance = Infinity;
  for (const [name, value] of Object.entries(colorNames)) {
    const other = hexToRgb(value);
    const d = (rgb[0] - other[0]) ** 2 + (rgb[1] - other[1]) ** 2 + (rgb[2] - other[2]) ** 2;
    if (d < bestDistance) { bestDistance = d; best = name; }
  }
  return best;
}

export function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export function rgbToHex(rgb: [number, number, number]): string {
  return `#${rgb.map((c) => Math.round(Math.max(0, Math.min(255, c))).toString(16).padStart(2, '0')).join('')}`;
}

/** Linear mix of two colours in sRGB; t = 0 gives `a`. */
export function mixHex(a: string, b: string, t: number): string {
  const x = hexToRgb(a);
  const y = hexToRgb(b);
  return rgbToHex([x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t]);
}

/** Relative luminance per WCAG 2.x (sRGB transfer function). */
export function luminance(hex: string): number {
  const [r, g, b] = hexToRgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
