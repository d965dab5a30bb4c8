import { Alert, Badge, Code, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ComplianceView } from '../product-api-types.ts';
import { IconInfo } from './icons.tsx';

/** What the genome must meet in each target market (with the legal citation), and the rules that do not apply and why. */
export function ProductCompliance({ report }: { report: ComplianceView }) {
  const markets = [...new Set([...report.markets, ...report.requirements.map((r) => r.market)])];
  return (
    <Stack gap="md" data-testid="analysis-compliance">
      <Text size="sm" c="dimmed">Markets checked: {report.markets.join(', ') || 'none'}.</Text>
      {report.unsupportedMarkets.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconInfo />} title="Markets without rules here">
          No rules are recorded for {report.unsupportedMarkets.join(', ')}; review them with a local compliance specialist.
        </Alert>
      )}
      <Paper withBorder radius="md" p="sm" data-testid="compliance-ce">
        <Group gap="xs">
          <Text size="sm" fw={600}>CE marking</Text>
          <Badge variant="light" color={report.ceMarking.required ? 'orange' : 'gray'}>{report.ceMarking.required ? 'Required' : 'Not required'}</Badge>
          {report.ceMarking.directives.map((d) => <Badge key={d} size="xs" variant="outline">{d}</Badge>)}
        </Group>
        <Text size="sm" c="dimmed" mt={4}>{report.ceMarking.why}</Text>
      </Paper>

      {markets.map((market) => {
        const requirements = report.requirements.filter((r) => r.market === market);
        return (
          <section key={market} aria-labelledby={`compliance-${market}`} data-testid="compliance-market" data-market={market}>
            <Title order={4} fz="sm" id={`compliance-${market}`} mb={4}>{market} ({requirements.length} requirement{requirements.length === 1 ? '' : 's'})</Title>
            {requirements.length === 0 ? <Text size="sm" c="dimmed">No requirement from the rules applies here.</Text> : (
              <Stack gap="xs">
                {requirements.map((r) => (
                  <Paper key={`${r.ruleId}-${r.market}`} withBorder radius="md" p="sm" data-testid="compliance-requirement">
                    <Group gap="xs" justify="space-between" wrap="wrap">
                      <Text size="sm" fw={600}>{r.regulation}</Text>
                      <Badge size="xs" variant="light" color={r.mandatory ? 'red' : 'blue'}>{r.mandatory ? 'Mandatory' : 'Recommended'}</Badge>
                    </Group>
                    <Text size="sm" mt={4}>{r.requirement}</Text>
                    <Text size="xs" c="dimmed" mt={4}>Citation: <cite>{r.citation}</cite></Text>
                    <Text size="xs" c="dimmed">{r.why}</Text>
                    {r.limits && r.limits.length > 0 && (
                      <Table fz="xs" mt={4} withTableBorder verticalSpacing={2}>
                        <Table.Thead><Table.Tr><Table.Th scope="col">Substance</Table.Th><Table.Th scope="col">Limit</Table.Th><Table.Th scope="col">Basis</Table.Th></Table.Tr></Table.Thead>
                        <Table.Tbody>
                          {r.limits.map((l) => (
                            <Table.Tr key={l.substance}><Table.Td>{l.substance}</Table.Td><Table.Td>{l.limit} {l.unit}</Table.Td><Table.Td>{l.basis ?? '—'}</Table.Td></Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    )}
                    {r.evidence.length > 0 && (
                      <Text size="xs" mt={4}>Evidence: {r.evidence.map((e) => e.description).join('; ')}</Text>
                    )}
                  </Paper>
                ))}
              </Stack>
            )}
          </section>
        );
      })}

      <Group align="flex-start" gap="md" grow wrap="wrap">
        {report.labeling.length > 0 && (
          <Paper withBorder radius="md" p="sm" miw={240}>
            <Title order={4} fz="sm" mb={4}>Labeling</Title>
            <List size="sm" spacing={2}>{report.labeling.map((l) => <List.Item key={l}>{l}</List.Item>)}</List>
          </Paper>
        )}
        {report.testing.length > 0 && (
          <Paper withBorder radius="md" p="sm" miw={240}>
            <Title order={4} fz="sm" mb={4}>Testing</Title>
            <List size="sm" spacing={2}>{report.testing.map((t) => <List.Item key={t}>{t}</List.Item>)}</List>
          </Paper>
        )}
      </Group>

      <section aria-labelledby="compliance-na" data-testid="compliance-not-applicable">
        <Title order={4} fz="sm" id="compliance-na" mb={4}>Not applicable</Title>
        {report.notApplicable.length === 0 ? <Text size="sm" c="dimmed">Every rule checked applies.</Text> : (
          <List size="sm" spacing={2}>
            {report.notApplicable.map((n) => <List.Item key={n.ruleId}><strong>{n.regulation}</strong>: {n.why} <Code fz="xs">{n.ruleId}</Code></List.Item>)}
          </List>
        )}
      </section>
    </Stack>
  );
}
