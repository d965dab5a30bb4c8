import { Badge, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { QualityPlanView } from '../product-api-types.ts';

const stageLabels = { incoming: 'Incoming materials', in_process: 'In process', pre_shipment: 'Pre-shipment' } as const;
const relevanceColors = { high: 'red', medium: 'orange', low: 'gray' } as const;

/** The quality plan: standards to hold, inspection points per stage, the AQL sampling plan for the lot and the tests. */
export function ProductQuality({ plan }: { plan: QualityPlanView }) {
  const { aql } = plan;
  return (
    <Stack gap="md" data-testid="analysis-quality">
      <section aria-labelledby="quality-standards">
        <Title order={4} fz="sm" id="quality-standards" mb={4}>Standards</Title>
        <Stack gap={6} component="ul" className="product-plain-list" data-testid="quality-standards">
          {plan.standards.map((s) => (
            <li key={s.standard}>
              <Text size="sm"><strong>{s.standard}</strong> <Badge component="span" size="xs" variant="light" color={relevanceColors[s.relevance]}>{s.relevance}</Badge> {s.description}</Text>
            </li>
          ))}
        </Stack>
      </section>

      <section aria-labelledby="quality-inspections" data-testid="quality-inspections">
        <Title order={4} fz="sm" id="quality-inspections" mb={4}>Inspection points</Title>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          {(Object.keys(stageLabels) as (keyof typeof stageLabels)[]).map((stage) => {
            const points = plan.inspections.filter((p) => p.stage === stage);
            return (
              <Paper key={stage} withBorder radius="md" p="sm">
                <Text size="sm" fw={600} mb={4}>{stageLabels[stage]}</Text>
                {points.length === 0 ? <Text size="sm" c="dimmed">None.</Text> : (
                  <List size="sm" spacing={4}>{points.map((p) => <List.Item key={p.point}><strong>{p.point}</strong>: {p.method}</List.Item>)}</List>
                )}
              </Paper>
            );
          })}
        </SimpleGrid>
      </section>

      <section aria-labelledby="quality-aql" data-testid="quality-aql">
        <Title order={4} fz="sm" id="quality-aql" mb={4}>AQL sampling plan (ISO 2859-1, general inspection level {aql.inspectionLevel})</Title>
        <Text size="sm" mb="xs">
          Lot of {aql.lotSize.toLocaleString('en-US')} units: code letter {aql.codeLetter}, inspect {aql.sampleSize.toLocaleString('en-US')} units.
        </Text>
        <Table.ScrollContainer minWidth={420}>
          <Table fz="sm" withTableBorder>
            <Table.Thead>
              <Table.Tr><Table.Th scope="col">Defects</Table.Th><Table.Th scope="col" ta="right">AQL</Table.Th><Table.Th scope="col" ta="right">Sample</Table.Th><Table.Th scope="col" ta="right">Accept ≤</Table.Th><Table.Th scope="col" ta="right">Reject ≥</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody className="product-num">
              <Table.Tr>
                <Table.Th scope="row">Critical</Table.Th><Table.Td ta="right">{aql.critical}</Table.Td><Table.Td ta="right">{Math.min(aql.sampleSize, aql.lotSize)}</Table.Td><Table.Td ta="right">0</Table.Td><Table.Td ta="right">1</Table.Td>
              </Table.Tr>
              {(['major', 'minor'] as const).map((kind) => (
                <Table.Tr key={kind}>
                  <Table.Th scope="row">{kind === 'major' ? 'Major' : 'Minor'}</Table.Th>
                  <Table.Td ta="right">{aql.plans[kind].aql}</Table.Td>
                  <Table.Td ta="right">{aql.plans[kind].sampleSize}{aql.plans[kind].hundredPercent ? ' (every unit)' : ''}</Table.Td>
                  <Table.Td ta="right">{aql.plans[kind].accept}</Table.Td>
                  <Table.Td ta="right">{aql.plans[kind].reject}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>

      <section aria-labelledby="quality-tests">
        <Title order={4} fz="sm" id="quality-tests" mb={4}>Tests</Title>
        {plan.tests.length === 0 ? <Text size="sm" c="dimmed">No product-specific tests.</Text> : (
          <List size="sm" spacing={4}>{plan.tests.map((t) => <List.Item key={t.test}><strong>{t.test}</strong>: {t.description}</List.Item>)}</List>
        )}
      </section>
    </Stack>
  );
}
