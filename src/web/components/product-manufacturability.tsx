import { Badge, Group, List, Paper, SemiCircleProgress, Stack, Table, Text, Title } from '@mantine/core';
import type { ManufacturabilityView } from '../product-api-types.ts';

const complexityColors = { low: 'green', medium: 'yellow', high: 'red' } as const;
const impactLabels = { cost: 'Cost', quality: 'Quality', timeline: 'Timeline' } as const;

/** How feasible the genome is to make: the score as a gauge with the factors that add up to it, methods, challenges and advice. */
export function ProductManufacturability({ report }: { report: ManufacturabilityView }) {
  const color = report.feasibilityScore >= 75 ? 'green' : report.feasibilityScore >= 50 ? 'yellow' : 'red';
  return (
    <Stack gap="md" data-testid="analysis-manufacturability">
      <Group align="flex-start" gap="xl" wrap="wrap">
        <Stack gap={4} align="center">
          <SemiCircleProgress
            value={report.feasibilityScore} size={180} thickness={14} filledSegmentColor={color} labelPosition="center"
            label={<Text fz={28} fw={700} data-testid="manufacturability-score">{report.feasibilityScore}</Text>}
            role="meter" aria-label="Feasibility score" aria-valuemin={0} aria-valuemax={100} aria-valuenow={report.feasibilityScore}
          />
          <Text size="xs" c="dimmed">Feasibility, out of 100</Text>
        </Stack>
        <Stack gap={6} style={{ flex: '1 1 260px' }}>
          <Group gap="xs">
            <Text size="sm" fw={600}>Complexity</Text>
            <Badge color={complexityColors[report.complexity]} variant="light" data-testid="manufacturability-complexity">{report.complexity}</Badge>
          </Group>
          <Text size="sm" c="dimmed">{report.complexityWhy}</Text>
          {report.missing.length > 0 && (
            <Text size="sm" c="orange">Limited by missing specs: {report.missing.join(', ')}.</Text>
          )}
        </Stack>
      </Group>

      <section aria-labelledby="mfg-factors">
        <Title order={4} fz="sm" id="mfg-factors" mb={4}>How the score adds up</Title>
        <Table.ScrollContainer minWidth={480}>
          <Table fz="sm" striped data-testid="manufacturability-factors">
            <Table.Thead><Table.Tr><Table.Th scope="col">Factor</Table.Th><Table.Th scope="col" ta="right">Points</Table.Th><Table.Th scope="col">Why</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {report.factors.map((f, i) => (
                <Table.Tr key={`${f.factor}-${i}`}>
                  <Table.Th scope="row" fw={500}>{f.factor}</Table.Th>
                  <Table.Td ta="right" c={f.points < 0 ? 'red' : f.points > 0 ? 'green' : undefined} className="product-num">{f.points > 0 ? `+${f.points}` : f.points}</Table.Td>
                  <Table.Td>{f.explanation}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr><Table.Th scope="row">Score</Table.Th><Table.Td ta="right" fw={700} className="product-num">{report.feasibilityScore}</Table.Td><Table.Td /></Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      </section>

      <Group align="flex-start" gap="md" grow wrap="wrap">
        <Paper withBorder radius="md" p="sm" miw={260}>
          <Title order={4} fz="sm" mb={4}>Manufacturing methods</Title>
          {report.methods.length === 0 ? <Text size="sm" c="dimmed">None determined yet.</Text> : (
            <List size="sm" spacing={4}>{report.methods.map((m) => <List.Item key={m.name}><strong>{m.name}</strong>: {m.why}</List.Item>)}</List>
          )}
        </Paper>
        <Paper withBorder radius="md" p="sm" miw={260}>
          <Title order={4} fz="sm" mb={4}>Challenges</Title>
          {report.challenges.length === 0 ? <Text size="sm" c="dimmed">None found.</Text> : (
            <List size="sm" spacing={4}>{report.challenges.map((c) => <List.Item key={c.issue}><strong>{c.issue}</strong>: {c.reason}</List.Item>)}</List>
          )}
        </Paper>
      </Group>

      <section aria-labelledby="mfg-recommendations">
        <Title order={4} fz="sm" id="mfg-recommendations" mb={4}>Recommendations</Title>
        {report.recommendations.length === 0 ? <Text size="sm" c="dimmed">None: the spec reads as ready to quote.</Text> : (
          <Stack gap={6} component="ul" className="product-plain-list">
            {report.recommendations.map((r, i) => (
              <Group key={i} component="li" gap="xs" wrap="nowrap" align="flex-start">
                <Badge size="sm" variant="light" color={r.type === 'risk' ? 'red' : r.type === 'alternative' ? 'grape' : 'blue'} miw={96}>{r.type}</Badge>
                <Text size="sm">{r.description} <Text span size="xs" c="dimmed">(affects {impactLabels[r.impact].toLowerCase()})</Text></Text>
              </Group>
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  );
}
