import { describe, expect, it } from 'vitest';
import { inline, markdownBlocks } from './markdown-blocks.ts';

describe('markdownBlocks', () => {
  it('reads headings, paragraphs, lists and tables', () => {
    const blocks = markdownBlocks([
      '## Quantities', '', 'Quote each tier', 'in USD.', '', '- 500 units', '- 1,000 units', '1. Sample', '2) Order', '',
      '| Tier | Units |', '|---|:---:|', '| A | **500** |', '| B | 1,000 |', 'After the table',
    ].join('\n'));
    expect(blocks).toEqual([
      { type: 'heading', level: 2, content: [{ text: 'Quantities' }] },
      { type: 'paragraph', content: [{ text: 'Quote each tier in USD.' }] },
      { type: 'list', ordered: false, items: [[{ text: '500 units' }], [{ text: '1,000 units' }]] },
      { type: 'list', ordered: true, items: [[{ text: 'Sample' }], [{ text: 'Order' }]] },
      {
        type: 'table', header: [[{ text: 'Tier' }], [{ text: 'Units' }]],
        rows: [[[{ text: 'A' }], [{ text: '500', bold: true }]], [[{ text: 'B' }], [{ text: '1,000' }]]],
      },
      { type: 'paragraph', content: [{ text: 'After the table' }] },
    ]);
  });

  it('keeps a lone pipe line as a paragraph and markup as text', () => {
    expect(markdownBlocks('| not a table\n<b>x</b>')).toEqual([{ type: 'paragraph', content: [{ text: '| not a table <b>x</b>' }] }]);
  });

  it("reads the RFQ renderer's escapes and field lists", () => {
    expect(markdownBlocks('\\# not a heading\n\n- **Material:** TPU \\| PC\n\n| A | B |\n| --- | --- |\n| x \\| y | \\- z |')).toEqual([
      { type: 'paragraph', content: [{ text: '# not a heading' }] },
      { type: 'list', ordered: false, items: [[{ text: 'Material:', bold: true }, { text: ' TPU | PC' }]] },
      { type: 'table', header: [[{ text: 'A' }], [{ text: 'B' }]], rows: [[[{ text: 'x | y' }], [{ text: '- z' }]]] },
    ]);
  });

  it('keeps line breaks inside a paragraph when asked (chat replies), and joins the lines otherwise', () => {
    const reply = '**Cost:** about $1.65\n**Compliance:** 6 requirements\n- one';
    expect(markdownBlocks(reply, { breaks: true })).toEqual([
      { type: 'paragraph', content: [{ text: 'Cost:', bold: true }, { text: ' about $1.65\n' }, { text: 'Compliance:', bold: true }, { text: ' 6 requirements' }] },
      { type: 'list', ordered: false, items: [[{ text: 'one' }]] },
    ]);
    expect(markdownBlocks(reply)[0]).toEqual({ type: 'paragraph', content: [{ text: 'Cost:', bold: true }, { text: ' about $1.65 ' }, { text: 'Compliance:', bold: true }, { text: ' 6 requirements' }] });
  });

  it('splits bold and code spans', () => {
    expect(inline('Use **TPU** with `Shore 90A` only')).toEqual([
      { text: 'Use ' }, { text: 'TPU', bold: true }, { text: ' with ' }, { text: 'Shore 90A', code: true }, { text: ' only' },
    ]);
  });
});
