import { formatLongDate } from './display-format.ts';
import type { RfqBlock, RfqDocument, RfqSection } from './rfq-types.ts';

/** Keeps user text from turning into Markdown structure: a leading "#", ">" or "-" stays literal. */
function inline(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/^(\s*)([#>]|[-+*](?=\s)|\d+\.(?=\s))/, '$1\\$2');
}

function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replaceAll('|', '\\|') || ' ';
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = header.length;
  const line = (cells: readonly string[]) => `| ${Array.from({ length: width }, (_, i) => cell(cells[i] ?? '')).join(' | ')} |`;
  return [line(header), `|${' --- |'.repeat(width)}`, ...rows.map(line)].join('\n');
}

export function renderRfqBlocksMarkdown(blocks: readonly RfqBlock[]): string {
  return blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph': return inline(block.text);
      case 'bullets': return block.items.map((item) => `- ${inline(item)}`).join('\n');
      case 'table': return table(block.header, block.rows);
      case 'fields': return block.fields.map(([label, value]) => `- **${inline(label)}:** ${inline(value)}`).join('\n');
    }
  }).join('\n\n');
}

/** One section's body as Markdown, without its heading (RfqView.sections[].markdown). */
export function renderRfqSectionMarkdown(section: RfqSection): string {
  return renderRfqBlocksMarkdown(section.blocks);
}

export interface RfqMarkdownOptions {
  /** Product images as inline data URIs (a self-contained but large file) instead of captions. */
  embedImages?: boolean;
  /** Only the bodies of the document's sections, without the title block and section headings. */
  sectionOnly?: boolean;
}

/** The whole RFQ as Markdown: a title, nine numbered "## " sections and the product images. */
export function renderRfqMarkdown(doc: RfqDocument, options: RfqMarkdownOptions = {}): string {
  if (options.sectionOnly) return `${doc.sections.map(renderRfqSectionMarkdown).join('\n\n')}\n`;
  const parts = [
    `# ${inline(doc.title)}`,
    [
      `**Reference:** ${doc.code}  `,
      `**Project:** ${inline(doc.projectName)}  `,
      `**Issued:** ${formatLongDate(doc.issuedAt)}  `,
      `**Response deadline:** ${formatLongDate(doc.responseDeadline)}`,
    ].join('\n'),
  ];
  doc.sections.forEach((section, i) => {
    parts.push(`## ${i + 1}. ${section.title}`, renderRfqSectionMarkdown(section));
    if (section.id === 'product-specifications' && doc.images.length > 0) {
      parts.push(doc.images.map((image, n) => options.embedImages
        ? `![Figure ${n + 1}: ${cell(image.caption)}](data:image/png;base64,${image.png.toString('base64')})`
        : `*Figure ${n + 1}: ${inline(image.caption)} (image included in the PDF and Word versions).*`).join('\n\n'));
    }
  });
  return `${parts.join('\n\n')}\n`;
}
