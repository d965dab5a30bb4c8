/**
 * A small Markdown reader for RFQ sections: headings, paragraphs, bullet and numbered lists, pipe
 * tables, and **bold** / `code` inline. It yields data, not HTML, so React renders it as text and
 * nothing in a document can inject markup.
 */
export type Inline = { text: string; bold?: boolean; code?: boolean };

export type Block =
  | { type: 'heading'; level: number; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'table'; header: Inline[][]; rows: Inline[][][] };

/** `breaks`: a line break inside a paragraph stays one (kept as "\n") instead of joining the lines. */
export function markdownBlocks(markdown: string, { breaks = false }: { breaks?: boolean } = {}): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (trimmed === '') {
      i++;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(trimmed);
    if (heading) {
      blocks.push({ type: 'heading', level: heading[1]!.length, content: inline(heading[2]!.replace(/\s+#+$/, '')) });
      i++;
      continue;
    }
    if (isTableRow(trimmed) && i + 1 < lines.length && isTableDivider(lines[i + 1]!.trim())) {
      const header = cells(trimmed).map(inline);
      const rows: Inline[][][] = [];
      i += 2;
      while (i < lines.length && isTableRow(lines[i]!.trim())) rows.push(cells(lines[i++]!.trim()).map(inline));
      blocks.push({ type: 'table', header, rows });
      continue;
    }
    const item = listItem(trimmed);
    if (item) {
      const items: Inline[][] = [];
      while (i < lines.length) {
        const next = listItem(lines[i]!.trim());
        if (!next || next.ordered !== item.ordered) break;
        items.push(inline(next.text));
        i++;
      }
      blocks.push({ type: 'list', ordered: item.ordered, items });
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length) {
      const next = lines[i]!.trim();
      if (next === '' || /^#{1,6}\s/.test(next) || listItem(next) || (isTableRow(next) && isTableDivider(lines[i + 1]?.trim() ?? ''))) break;
      paragraph.push(next);
      i++;
    }
    blocks.push({ type: 'paragraph', content: inline(paragraph.join(breaks ? '\n' : ' ')) });
  }
  return blocks;
}

function listItem(line: string): { ordered: boolean; text: string } | null {
  const bullet = /^[-*+]\s+(.*)$/.exec(line);
  if (bullet) return { ordered: false, text: bullet[1]! };
  const numbered = /^\d+[.)]\s+(.*)$/.exec(line);
  return numbered ? { ordered: true, text: numbered[1]! } : null;
}

function isTableRow(line: string): boolean {
  return line.startsWith('|') && line.length > 1;
}

function isTableDivider(line: string): boolean {
  return /^\|?(\s*:?-{3,}:?\s*\|)+\s*(:?-{3,}:?\s*)?\|?$/.test(line);
}

/** The cells of a pipe-table row; `\|` is a pipe inside a cell (it stays escaped for {@link inline}). */
function cells(line: string): string[] {
  const inner = line.replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

/** `**bold**` and `code` spans, and backslash escapes (`\#`, `\|`, `\*`) as the literal character. */
export function inline(text: string): Inline[] {
  const parts: Inline[] = [];
  const plain = (t: string) => {
    const last = parts.at(-1);
    if (last && !last.bold && !last.code) last.text += t;
    else parts.push({ text: t });
  };
  const pattern = /\\([\\`*_{}[\]()#+\-.!|>])|\*\*(.+?)\*\*|`([^`]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) plain(text.slice(last, match.index));
    if (match[1] !== undefined) plain(match[1]);
    else if (match[2] !== undefined) parts.push({ text: unescape(match[2]), bold: true });
    else parts.push({ text: match[3]!, code: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) plain(text.slice(last));
  return parts;
}

function unescape(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1');
}
