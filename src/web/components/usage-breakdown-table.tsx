import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { UsageTotals } from '../api-types.ts';
import { formatCount, formatUsd } from '../format/format-usd.ts';

export type BreakdownRow = UsageTotals & { key: string; label: ReactNode };

/** One breakdown of a usage summary (by model, operation or project): a row per group, most expensive first. */
export function UsageBreakdownTable({ rows, heading, label }: { rows: BreakdownRow[]; heading: string; label: string }) {
  if (rows.length === 0) return <Text size="sm" c="dimmed">No calls.</Text>;
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table verticalSpacing={6} fz="sm" striped aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{heading}</Table.Th>
            <Table.Th ta="right">Calls</Table.Th>
            <Table.Th ta="right">Tokens in</Table.Th>
            <Table.Th ta="right">Tokens out</Table.Th>
            <Table.Th ta="right">Cached</Table.Th>
            <Table.Th ta="right">Fell back</Table.Th>
            <Table.Th ta="right">Cost</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.label}</Table.Td>
              <Table.Td ta="right">{formatCount(row.calls)}</Table.Td>
              <Table.Td ta="right">{formatCount(row.tokensIn)}</Table.Td>
              <Table.Td ta="right">{formatCount(row.tokensOut)}</Table.Td>
              <Table.Td ta="right">{formatCount(row.cachedCalls)}</Table.Td>
              <Table.Td ta="right">{formatCount(row.fallbacks)}</Table.Td>
              <Table.Td ta="right" fw={600}>{formatUsd(row.costUsd)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
