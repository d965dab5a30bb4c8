import { Code, List, Table, Text, Title } from '@mantine/core';
import { markdownBlocks, type Inline } from '../format/markdown-blocks.ts';

/** Markdown (an RFQ section, an agent's reply) drawn as React elements (text only: no HTML from the document is interpreted). */
export function ProductMarkdown({ markdown, headingOffset = 3, breaks = false }: {
  markdown: string;
  headingOffset?: number;
  /** Keep line breaks inside a paragraph (chat messages), as comments on code hosts do. */
  breaks?: boolean;
}) {
  return (
    <div className="product-markdown">
      {markdownBlocks(markdown, { breaks }).map((block, i) => {
        switch (block.type) {
          case 'heading': {
            const order = Math.min(6, block.level + headingOffset - 1) as 1 | 2 | 3 | 4 | 5 | 6;
            return <Title key={i} order={order} fz="sm" mt="sm" mb={4}><Spans parts={block.content} /></Title>;
          }
          case 'paragraph':
            return <Text key={i} size="sm" mb="xs" className={breaks ? 'message-content' : undefined}><Spans parts={block.content} /></Text>;
          case 'list':
            return (
              <List key={i} type={block.ordered ? 'ordered' : 'unordered'} size="sm" mb="xs" spacing={2}>
                {block.items.map((item, j) => <List.Item key={j}><Spans parts={item} /></List.Item>)}
              </List>
            );
          case 'table':
            return (
              <Table.ScrollContainer key={i} minWidth={360} mb="xs">
                <Table fz="sm" withTableBorder striped>
                  <Table.Thead><Table.Tr>{block.header.map((cell, j) => <Table.Th key={j} scope="col"><Spans parts={cell} /></Table.Th>)}</Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {block.rows.map((row, j) => <Table.Tr key={j}>{row.map((cell, k) => <Table.Td key={k}><Spans parts={cell} /></Table.Td>)}</Table.Tr>)}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            );
        }
      })}
    </div>
  );
}

function Spans({ parts }: { parts: Inline[] }) {
  return <>{parts.map((p, i) => (p.bold ? <strong key={i}>{p.text}</strong> : p.code ? <Code key={i}>{p.text}</Code> : <span key={i}>{p.text}</span>))}</>;
}
