import { Badge, Code, Table, Text, Tooltip } from '@mantine/core';
import type { RunAttempt } from '../api-types.ts';
import { elapsed, formatDuration } from '../format/format-duration.ts';
import { StepStatusBadge } from './run-status-badge.tsx';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumSignificantDigits: 3 });

/** Every attempt of a step: number, purpose, status, error, duration, cost and idempotency key. */
export function RunAttemptsTable({ attempts, label }: { attempts: RunAttempt[]; label: string }) {
  if (attempts.length === 0) return <Text size="sm" c="dimmed">No attempts yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing={6} fz="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>Purpose</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Error</Table.Th>
            <Table.Th>Duration</Table.Th>
            <Table.Th>Cost</Table.Th>
            <Table.Th>Idempotency key</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {attempts.map((attempt) => {
            const took = elapsed(attempt.startedAt, attempt.finishedAt);
            return (
              <Table.Tr key={`${attempt.purpose}-${attempt.number}`}>
                <Table.Td>{attempt.number}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" radius="sm" color={attempt.purpose === 'compensate' ? 'grape' : 'gray'}>{attempt.purpose}</Badge>
                </Table.Td>
                <Table.Td><StepStatusBadge status={attempt.status} /></Table.Td>
                <Table.Td maw={280}>
                  {attempt.error
                    ? <Text size="sm" c="red" style={{ overflowWrap: 'anywhere' }}>{attempt.error.message} <Code fz="xs">{attempt.error.code}</Code></Text>
                    : <Text size="sm" c="dimmed">—</Text>}
                </Table.Td>
                <Table.Td>{took === null ? '—' : `${formatDuration(took)}${attempt.finishedAt ? '' : ' so far'}`}</Table.Td>
                <Table.Td>{attempt.costUsd === null ? '—' : usd.format(attempt.costUsd)}</Table.Td>
                <Table.Td maw={220}>
                  <Tooltip label={attempt.idempotencyKey} withArrow multiline maw={360} style={{ overflowWrap: 'anywhere' }}>
                    <Text size="xs" ff="monospace" truncate="end" tabIndex={0}>{attempt.idempotencyKey}</Text>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
