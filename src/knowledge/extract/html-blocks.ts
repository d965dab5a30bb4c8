import { HTMLElement, NodeType, parse, type Node } from 'node-html-parser';
import type { BlockSink } from './extraction-context.ts';

const skipped = new Set(['script', 'style', 'noscript', 'template', 'nav', 'footer', 'head', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'select', 'button', 'img', 'picture', 'video', 'audio', 'map']);
const headings: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const blockContainers = new Set([
  'html', 'body', 'main', 'article', 'section', 'header', 'aside', 'div', 'p', 'blockquote', 'figure', 'figcaption', 'address',
  'details', 'summary', 'dl', 'dt', 'dd', 'form', 'fieldset', 'legend', 'center', 'hgroup', 'search', 'li', 'caption',
]);

const blockSelector = 'h1,h2,h3,h4,h5,h6,p,div,ul,ol,table,pre,section,article,blockquote';

export function parseHtml(html: string): HTMLElement {
  return parse(html.replace(/<!doctype[^>]*>|<\?xml[^>]*\?>/gi, ''), { lowerCaseTagName: true, comment: false, blockTextElements: { script: true, style: true, noscript: true } });
}

const isElement = (node: Node): node is HTMLElement => node.nodeType === NodeType.ELEMENT_NODE;
/** The lower-case tag name; the parser's root element has none. */
const tagOf = (el: HTMLElement) => el.tagName?.toLowerCase() ?? '';
const isHidden = (el: HTMLElement) => el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || el.getAttribute('role') === 'navigation';

/** The text of an element as a reader sees it inline: whitespace collapsed, <br> as a line break, skipped elements left out. */
function inlineText(node: Node): string {
  if (node.nodeType === NodeType.TEXT_NODE) return node.text.replace(/\s+/g, ' ');
  if (!isElement(node)) return '';
  const tag = tagOf(node);
  if (skipped.has(tag) || isHidden(node)) return '';
  if (tag === 'br') return '\n';
  const inner = node.childNodes.map(inlineText).join('');
  return blockContainers.has(tag) || tag in headings || tag === 'tr' || tag === 'table' ? ` ${inner} ` : inner;
}

function listLines(list: HTMLElement, depth: number): string[] {
  const ordered = tagOf(list) === 'ol';
  const start = Number.parseInt(list.getAttribute('start') ?? '1', 10) || 1;
  const lines: string[] = [];
  let index = 0;
  for (const item of list.childNodes.filter(isElement)) {
    if (tagOf(item) !== 'li' || isHidden(item)) continue;
    const nested = item.childNodes.filter((n): n is HTMLElement => isElement(n) && /^(ul|ol)$/.test(tagOf(n)));
    const text = item.childNodes.filter((n) => !nested.includes(n as HTMLElement)).map(inlineText).join('').replace(/\s+/g, ' ').trim();
    const marker = ordered ? `${start + index}.` : '-';
    index += 1;
    if (text) lines.push(`${'  '.repeat(depth)}${marker} ${text}`);
    for (const sub of nested) lines.push(...listLines(sub, depth + 1));
  }
  return lines;
}

function tableRows(table: HTMLElement): string[] {
  const rows: string[] = [];
  const visit = (el: HTMLElement) => {
    for (const child of el.childNodes.filter(isElement)) {
      const tag = tagOf(child);
      if (tag === 'tr') {
        const cells = child.childNodes.filter(isElement).filter((c) => /^(td|th)$/.test(tagOf(c)))
          .map((c) => inlineText(c).replace(/\s+/g, ' ').trim());
        if (cells.some((c) => c !== '')) rows.push(cells.join(' | '));
      } else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') visit(child);
    }
  };
  visit(table);
  return rows;
}

/**
 * Walks parsed HTML into blocks: h1..h6 become headings, lists become list blocks ("- item",
 * "1. item", nested items indented), tables become one row per line with cells joined by " | ",
 * <pre> becomes code, and running text becomes paragraphs. Scripts, styles, navigation, footers,
 * hidden elements and media are left out.
 */
export function htmlToBlocks(root: HTMLElement, sink: BlockSink): void {
  let pending = '';
  const flush = () => {
    if (pending.trim() !== '') sink.add({ kind: 'paragraph', text: pending });
    pending = '';
  };
  const walk = (node: Node) => {
    if (!isElement(node)) {
      pending += inlineText(node);
      return;
    }
    const tag = tagOf(node);
    if (skipped.has(tag) || isHidden(node)) return;
    if (tag in headings) {
      flush();
      sink.add({ kind: 'heading', text: inlineText(node), level: headings[tag]! });
    } else if (tag === 'ul' || tag === 'ol') {
      flush();
      sink.add({ kind: 'list', text: listLines(node, 0).join('\n') });
    } else if (tag === 'table') {
      flush();
      const caption = node.childNodes.find((n) => isElement(n) && tagOf(n) === 'caption');
      if (caption) sink.add({ kind: 'paragraph', text: inlineText(caption) });
      sink.add({ kind: 'table', text: tableRows(node).join('\n') });
    } else if (tag === 'pre') {
      flush();
      sink.add({ kind: 'code', text: node.text });
    } else if (tag === 'hr') {
      flush();
    } else if (blockContainers.has(tag) || tag === '') {
      flush();
      node.childNodes.forEach(walk);
      flush();
    } else if (node.querySelector(blockSelector)) {
      node.childNodes.forEach(walk);
    } else {
      pending += inlineText(node);
    }
  };
  walk(root);
  flush();
}
