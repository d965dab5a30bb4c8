import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { UsageTotals as Totals } from '../api-types.ts';
import { formatCount, formatUsd } from '../format/format-usd.ts';

/** The headline figures of a usage summary, one small card each. */
export function UsageTotals({ totals }: { totals: Totals }) {
  const figures = [
    { label: 'Cost', value: formatUsd(totals.costUsd) },
    { label: 'Calls', value: formatCount(totals.calls) },
    { label: 'Tokens in', value: formatCount(totals.tokensIn) },
    { label: 'Tokens out', value: formatCount(totals.tokensOut) },
    { label: 'From cache', value: formatCount(totals.cachedCalls) },
    { label: 'Fell back', value: formatCount(totals.fallbacks) },
  ];
  return (
    <SimpleGrid cols={{ base: 2, xs: 3, md: 6 }} spacing="sm" component="dl" m={0} aria-label="Totals">
      {figures.map((f) => (
        <Paper key={f.label} withBorder radius="md" px="sm" py="xs">
          <Text component="dt" size="xs" c="dimmed">{f.label}</Text>
          <Text component="dd" m={0} fw={700} fz="lg" data-testid={`usage-total-${f.label.toLowerCase().replaceAll(' ', '-')}`}>{f.value}</Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
