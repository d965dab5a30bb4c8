import { ColorSwatch, Group, Table, Text, Title } from '@mantine/core';
import { genomeSpecSections } from '../format/genome-spec.ts';
import type { DpgData, DpgDataView } from '../product-api-types.ts';

/** The genome's specification as labelled tables, one per section (materials, dimensions in mm, colours with swatches…). */
export function ProductSpecTable({ data }: { data: DpgData | DpgDataView }) {
  const sections = genomeSpecSections(data);
  if (sections.length === 0) {
    return <Text size="sm" c="dimmed" data-testid="genome-spec-empty">No specifications yet. Answer the questions in the conversation and they appear here.</Text>;
  }
  return (
    <div className="product-spec" data-testid="genome-spec">
      {sections.map((section) => (
        <section key={section.key} aria-labelledby={`spec-${section.key}`} data-testid={`genome-spec-${section.key}`}>
          <Title order={4} fz="sm" id={`spec-${section.key}`} mt="sm" mb={4}>{section.title}</Title>
          <Table withRowBorders verticalSpacing={4} horizontalSpacing="xs" fz="sm" aria-labelledby={`spec-${section.key}`}>
            <Table.Tbody>
              {section.rows.map((row, i) => (
                <Table.Tr key={`${row.label}-${i}`}>
                  <Table.Th scope="row" fw={500} w="40%" className="product-spec-label">{row.label}</Table.Th>
                  <Table.Td className="product-spec-value">
                    {row.swatch ? (
                      <Group gap={6} wrap="nowrap">
                        <ColorSwatch color={row.swatch} size={16} aria-hidden="true" />
                        <span>{row.value}</span>
                      </Group>
                    ) : row.value}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      ))}
    </div>
  );
}
