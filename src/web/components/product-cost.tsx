import { Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { formatMoney, formatShare, trimNumber } from '../format/product-format.ts';
import type { CostEstimateView } from '../product-api-types.ts';

/** The should-cost per quantity tier (tooling spread per unit, savings against the previous tier), with what drives it. */
export function ProductCost({ estimate }: { estimate: CostEstimateView }) {
  const money = (amount: number) => formatMoney(amount, estimate.currency);
  const toolingTotal = estimate.tooling.reduce((sum, t) => sum + t.cost, 0);
  return (
    <Stack gap="md" data-testid="analysis-cost">
      <Table.ScrollContainer minWidth={760}>
        <Table fz="sm" striped data-testid="cost-tiers" aria-label="Cost per quantity tier">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" ta="right">Quantity</Table.Th>
              <Table.Th scope="col" ta="right">Material</Table.Th>
              <Table.Th scope="col" ta="right">Labour</Table.Th>
              <Table.Th scope="col" ta="right">Overhead</Table.Th>
              <Table.Th scope="col" ta="right">Tooling / unit</Table.Th>
              <Table.Th scope="col" ta="right">Setup / unit</Table.Th>
              <Table.Th scope="col" ta="right">Unit cost</Table.Th>
              <Table.Th scope="col" ta="right">Total</Table.Th>
              <Table.Th scope="col" ta="right">Saving vs previous</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody className="product-num">
            {estimate.tiers.map((t, i) => (
              <Table.Tr key={t.quantity} data-testid="cost-tier" data-quantity={t.quantity}>
                <Table.Th scope="row" ta="right">{t.quantity.toLocaleString('en-US')}</Table.Th>
                <Table.Td ta="right">{money(t.materialPerUnit)}</Table.Td>
                <Table.Td ta="right">{money(t.labourPerUnit)}</Table.Td>
                <Table.Td ta="right">{money(t.overheadPerUnit)}</Table.Td>
                <Table.Td ta="right">{money(t.toolingPerUnit)}</Table.Td>
                <Table.Td ta="right">{money(t.setupPerUnit)}</Table.Td>
                <Table.Td ta="right" fw={700}>{money(t.unitCost)}</Table.Td>
                <Table.Td ta="right">{money(t.totalCost)}</Table.Td>
                <Table.Td ta="right" c={t.savingVsPrevious > 0 ? 'green' : undefined}>{i === 0 ? '—' : formatShare(t.savingVsPrevious)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        One-time tooling {money(toolingTotal)} and setup {money(estimate.setupPerOrder)} per order are spread over each tier's units.
        Labour follows a {formatShare(estimate.learning.rate)} learning curve: {estimate.learning.why}
      </Text>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder radius="md" p="sm">
          <Title order={4} fz="sm" mb={4}>Tooling</Title>
          {estimate.tooling.length === 0 ? <Text size="sm" c="dimmed">No dedicated tooling.</Text> : (
            <List size="sm" spacing={4}>
              {estimate.tooling.map((t) => <List.Item key={t.item}><strong>{t.item}</strong> {money(t.cost)}: {t.why}</List.Item>)}
            </List>
          )}
        </Paper>
        <Paper withBorder radius="md" p="sm">
          <Title order={4} fz="sm" mb={4}>Materials per unit</Title>
          {estimate.materials.length === 0 ? <Text size="sm" c="dimmed">No materials specified: category defaults are assumed.</Text> : (
            <Table fz="xs" verticalSpacing={2}>
              <Table.Tbody>
                {estimate.materials.map((m) => (
                  <Table.Tr key={m.material}>
                    <Table.Th scope="row">{m.material}</Table.Th>
                    <Table.Td ta="right">{trimNumber(m.grams)} g</Table.Td>
                    <Table.Td ta="right">{money(m.usdPerKg)}/kg</Table.Td>
                    <Table.Td ta="right">{money(m.cost)}</Table.Td>
                    <Table.Td c="dimmed">{m.source}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Bullets title="Cost drivers" items={estimate.drivers} testId="cost-drivers" />
        <Bullets title="Savings opportunities" items={estimate.opportunities} testId="cost-opportunities" />
        <Bullets title="Assumptions" items={estimate.assumptions} testId="cost-assumptions" />
      </SimpleGrid>
    </Stack>
  );
}

function Bullets({ title, items, testId }: { title: string; items: string[]; testId: string }) {
  return (
    <div data-testid={testId}>
      <Group gap="xs" mb={4}><Title order={4} fz="sm">{title}</Title></Group>
      {items.length === 0 ? <Text size="sm" c="dimmed">None.</Text> : <List size="sm" spacing={4}>{items.map((d) => <List.Item key={d}>{d}</List.Item>)}</List>}
    </div>
  );
}
