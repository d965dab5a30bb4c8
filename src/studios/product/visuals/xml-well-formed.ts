/**
 * A minimal XML well-formedness check for the SVG this folder writes (tests use it; there is no
 * DOM in Node): balanced and properly nested tags, quoted attributes without duplicates or raw
 * '<' and '&', known entities only. Returns the problems found, empty when well-formed.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi;
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
  let i = 0;
  let roots = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (text.replace(entity, '').includes('&')) problems.push(`unescaped & in text near "${text.slice(0, 40)}"`);
    if (stack.length === 0 && text.trim() !== '') problems.push(`text outside the root: "${text.slice(0, 40)}"`);
    if (lt === -1) break;
    if (xml.startsWith('<?', lt)) { i = xml.indexOf('?>', lt) + 2; continue; }
    if (xml.startsWith('<!--', lt)) { i = xml.indexOf('-->', lt) + 3; continue; }
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    if (!m) { problems.push(`malformed tag at ${lt}: "${xml.slice(lt, lt + 60)}"`); break; }
    const [, closing, name, attrs, selfClosing] = m as unknown as [string, string, string, string, string];
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
    } else {
      if (stack.length === 0) roots++;
      const names = [...attrs.matchAll(/([\w:.-]+)\s*=\s*("[^"]*"|'[^']*')/g)].map((a) => {
        const value = a[2]!.slice(1, -1);
        if (value.includes('<')) problems.push(`raw < in attribute ${a[1]} of <${name}>`);
        if (value.replace(entity, '').includes('&')) problems.push(`unescaped & in attribute ${a[1]} of <${name}>`);
        return a[1]!;
      });
      if (new Set(names).size !== names.length) problems.push(`duplicate attribute in <${name}>`);
      if (!selfClosing) stack.push(name);
    }
    i = tag.lastIndex;
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`expected one root element, found ${roots}`);
  return problems;
}

/** Attribute values of every element with the given name (and class, when given). */
export function elements(xml: string, name: string, className?: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of xml.matchAll(new RegExp(`<${name}((?:\\s+[\\w:.-]+="[^"]*")*)\\s*/?>`, 'g'))) {
    const attrs: Record<string, string> = {};
    for (const a of m[1]!.matchAll(/([\w:.-]+)="([^"]*)"/g)) attrs[a[1]!] = a[2]!;
    if (className === undefined || attrs.class === className) out.push(attrs);
  }
  return out;
}
