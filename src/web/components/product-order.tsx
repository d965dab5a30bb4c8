import { Badge, Group, Paper, SimpleGrid, Text, Timeline, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatMoney, formatUnits } from '../format/product-format.ts';
import type { OrderView } from '../product-api-types.ts';
import { IconCheck } from './icons.tsx';
import { RelativeTime } from './relative-time.tsx';

/** The order placed with the chosen supplier and its production milestones. */
export function ProductOrder({ order }: { order: OrderView }) {
  const done = order.milestones.filter((m) => m.status === 'done').length;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="order-heading" data-testid="order">
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={3} fz="h5" id="order-heading">Order with {order.supplierName}</Title>
        <Badge color="green" variant="light" data-testid="order-status">{order.status === 'placed' ? 'Placed' : order.status}</Badge>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" mb="md">
        <Fact label="Quantity" value={formatUnits(order.quantity)} />
        <Fact label="Unit price" value={formatMoney(order.unitPrice, order.currency)} />
        <Fact label="Total" value={formatMoney(order.total, order.currency)} testId="order-total" />
        <Fact label="Placed" value={<RelativeTime iso={order.createdAt} />} />
      </SimpleGrid>
      <Title order={4} fz="sm" mb="xs" id="order-milestones-heading">Milestones</Title>
      {order.milestones.length === 0 ? <Text size="sm" c="dimmed">No milestones.</Text> : (
        <Timeline
          active={done - 1} bulletSize={18} lineWidth={2} color="green" role="list" aria-labelledby="order-milestones-heading"
          data-testid="order-milestones"
        >
          {order.milestones.map((m) => (
            <Timeline.Item
              key={`${m.name}-${m.due}`} role="listitem" data-testid="order-milestone" data-status={m.status}
              bullet={m.status === 'done' ? <IconCheck size={12} /> : undefined}
              title={<Text size="sm" fw={500}>{m.name}</Text>}
            >
              <Text size="xs" c="dimmed">Due <time dateTime={m.due}>{m.due}</time> · {m.status === 'done' ? 'done' : 'pending'}</Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}

function Fact({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" fw={600} data-testid={testId}>{value}</Text>
    </div>
  );
}
