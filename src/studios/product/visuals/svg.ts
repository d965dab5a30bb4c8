/** A tiny SVG string builder: every attribute value and text node is escaped, numbers are rounded. */
export type AttrValue = string | number | boolean | undefined | null;
export type Attrs = Record<string, AttrValue>;

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => entities[c]!);
}

/** A number with at most two decimals and no negative zero. */
export function fmt(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

export function attrs(values: Attrs): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === false) continue;
    const text = value === true ? name : typeof value === 'number' ? fmt(value) : value;
    out += ` ${name}="${escapeXml(text)}"`;
  }
  return out;
}

/** An element; `children` are already-built markup strings. */
export function el(name: string, values: Attrs = {}, children?: string | string[]): string {
  const inner = Array.isArray(children) ? children.join('') : children;
  return inner === undefined || inner === '' ? `<${name}${attrs(values)}/>` : `<${name}${attrs(values)}>${inner}</${name}>`;
}

/** A text element whose content is escaped. */
export function textEl(content: string, values: Attrs): string {
  return el('text', values, escapeXml(content));
}
