import type { DocumentBlock } from '../extracted-document.ts';

const fence = /^ {0,3}(`{3,}|~{3,})/;
const atxHeading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const setextUnderline = /^ {0,3}(=+|-+)[ \t]*$/;
const thematicBreak = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const listItem = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const tableDelimiter = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const linkDefinition = /^ {0,3}\[[^\]]+\]:[ \t]+\S+/;
const blank = (line: string) => line.trim() === '';

/** Markdown inline syntax down to the words a reader sees: links and images become their text, emphasis, code marks, tags and escapes go. */
export function markdownInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/<\/?[A-Za-z][^<>]*>/g, '')
    .replace(/`+([^`]+?)`+/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}*_])([*_])(?=\S)(.+?)(?<=\S)\2(?![\p{L}\p{N}])/gu, '$1$3')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
}

function tableCells(line: string): string[] {
  const cells = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/);
  return cells.map((c) => markdownInline(c.trim().replace(/\\\|/g, '|')));
}

/**
 * Block structure of Markdown (CommonMark's common subset): ATX and setext headings, fenced and
 * indented code, lists (nesting kept as indentation), pipe tables (one row per line, cells joined
 * with " | ", the delimiter row dropped), block quotes read as paragraphs, front matter and link
 * definitions dropped.
 */
export function markdownBlocks(source: string): DocumentBlock[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: DocumentBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: markdownInline(paragraph.join(' ')) });
    paragraph = [];
  };
  let i = 0;
  if (/^---[ \t]*$/.test(lines[0] ?? '')) {
    const end = lines.findIndex((l, n) => n > 0 && /^(---|\.\.\.)[ \t]*$/.test(l));
    if (end > 0) i = end + 1;
  }
  while (i < lines.length) {
    const line = lines[i]!;
    const opening = fence.exec(line);
    if (opening) {
      flush();
      const marker = opening[1]!;
      const body: string[] = [];
      i += 1;
      while (i < lines.length && !new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`).test(lines[i]!)) body.push(lines[i++]!);
      i += 1;
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const heading = atxHeading.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', text: markdownInline(heading[2] ?? ''), level: heading[1]!.length });
      i += 1;
      continue;
    }
    const underline = setextUnderline.exec(line);
    if (underline && paragraph.length > 0) {
      blocks.push({ kind: 'heading', text: markdownInline(paragraph.join(' ')), level: underline[1]![0] === '=' ? 1 : 2 });
      paragraph = [];
      i += 1;
      continue;
    }
    if (thematicBreak.test(line) || blank(line) || linkDefinition.test(line)) {
      flush();
      i += 1;
      continue;
    }
    if (line.includes('|') && paragraph.length === 0 && tableDelimiter.test(lines[i + 1] ?? '') && (lines[i + 1] ?? '').includes('-')) {
      const rows = [tableCells(line)];
      i += 2;
      while (i < lines.length && !blank(lines[i]!) && lines[i]!.includes('|')) rows.push(tableCells(lines[i++]!));
      blocks.push({ kind: 'table', text: rows.map((r) => r.filter((c) => c !== '').join(' | ')).join('\n') });
      continue;
    }
    if (listItem.test(line) && (paragraph.length === 0 || /^\s*([-*+]|1[.)])\s+\S/.test(line))) {
      flush();
      const items: string[] = [];
      const ordered = (item: RegExpExecArray | null) => item !== null && /\d/.test(item[2]!);
      const kind = ordered(listItem.exec(line));
      while (i < lines.length) {
        const current = lines[i]!;
        const item = listItem.exec(current);
        if (item) {
          const depth = Math.floor(item[1]!.replace(/\t/g, '    ').length / 2);
          items.push(`${'  '.repeat(depth)}${/\d/.test(item[2]!) ? item[2]!.replace(')', '.') : '-'} ${markdownInline(item[3] ?? '')}`);
        } else if (!blank(current) && items.length > 0 && !atxHeading.test(current) && !fence.test(current) && !thematicBreak.test(current)) {
          items[items.length - 1] += ` ${markdownInline(current.trim())}`;
        } else if (!blank(current) || !listItem.test(lines[i + 1] ?? '') || ordered(listItem.exec(lines[i + 1] ?? '')) !== kind) {
          break;
        }
        i += 1;
      }
      blocks.push({ kind: 'list', text: items.join('\n') });
      continue;
    }
    if (/^( {4}|\t)/.test(line) && paragraph.length === 0) {
      const body: string[] = [];
      while (i < lines.length && (/^( {4}|\t)/.test(lines[i]!) || (blank(lines[i]!) && /^( {4}|\t)/.test(lines[i + 1] ?? '')))) body.push(lines[i++]!.replace(/^( {4}|\t)/, ''));
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    paragraph.push(line.replace(/^ {0,3}>[ \t]?/, '').replace(/^>[ \t]?/, ''));
    i += 1;
  }
  flush();
  return blocks;
}
