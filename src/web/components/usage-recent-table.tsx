import { Badge, Code, Group, Table, Text } from '@mantine/core';
import type { UsageRecord } from '../api-types.ts';
import { formatCount, formatUsd } from '../format/format-usd.ts';
import { RelativeTime } from './relative-time.tsx';

/** The latest model calls, newest first: when, what, which engine, tokens and cost. */
export function UsageRecentTable({ records, projectNames }: { records: UsageRecord[]; projectNames?: Map<string, string> }) {
  if (records.length === 0) return <Text size="sm" c="dimmed">No calls in this range.</Text>;
  return (
    <Table.ScrollContainer minWidth={640} type="native">
      <Table verticalSpacing={6} fz="sm" aria-label="Latest calls">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Operation</Table.Th>
            <Table.Th>Engine</Table.Th>
            {projectNames && <Table.Th>Project</Table.Th>}
            <Table.Th ta="right">Tokens in / out</Table.Th>
            <Table.Th ta="right">Cost</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((r) => (
            <Table.Tr key={r.id} data-usage-id={r.id}>
              <Table.Td><RelativeTime iso={r.createdAt} /></Table.Td>
              <Table.Td>
                <Text size="sm">{r.operation}</Text>
                <Text size="xs" c="dimmed">{r.role}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="wrap">
                  <Code fz="xs" style={{ overflowWrap: 'anywhere' }}>{r.provider}/{r.model}</Code>
                  {r.cached && <Badge size="xs" variant="light" color="gray">cached</Badge>}
                  {r.fellBack && <Badge size="xs" variant="light" color="orange">fell back</Badge>}
                </Group>
              </Table.Td>
              {projectNames && <Table.Td>{r.projectId ? (projectNames.get(r.projectId) ?? 'deleted project') : '—'}</Table.Td>}
              <Table.Td ta="right">{formatCount(r.tokensIn)} / {formatCount(r.tokensOut)}</Table.Td>
              <Table.Td ta="right">{formatUsd(r.costUsd)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
