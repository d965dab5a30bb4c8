import { Badge, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import type { Budget } from '../api-types.ts';
import { formatUsd } from '../format/format-usd.ts';

const scopeLabels: Record<Budget['scope'], string> = { workspace: 'Workspace', project: 'Project', run: 'Run' };

/** Share of the limit spent, 0..100 (a limit of 0 is spent from the start). */
function usedPercent(budget: Budget): number {
  if (budget.limitUsd <= 0) return 100;
  return Math.min(100, (budget.spentUsd / budget.limitUsd) * 100);
}

export interface BudgetActions {
  edit: () => void;
  remove: () => void;
  removing: boolean;
}

/** One budget: what it covers, its period, spend against the limit as a bar, and for admins Change and Remove. */
export function BudgetItem({ budget, actions }: { budget: Budget; actions?: BudgetActions }) {
  const used = usedPercent(budget);
  const color = budget.exceeded ? 'red' : used >= 80 ? 'yellow' : 'teal';
  const name = budget.name ?? (budget.scope === 'project' ? 'A deleted project' : `Run ${budget.scopeId.slice(0, 8)}`);
  const period = budget.period === 'month' ? 'this month' : 'in total';
  return (
    <Paper component="li" withBorder radius="md" px="md" py="sm" aria-label={`${scopeLabels[budget.scope]} budget: ${name}`} data-budget-scope={budget.scope}>
      <Stack gap={6}>
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Group gap="xs" miw={0}>
            <Badge variant="light" color="gray" size="sm">{scopeLabels[budget.scope]}</Badge>
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>{name}</Text>
            {budget.exceeded && <Badge color="red" size="sm">Spent: calls refused</Badge>}
          </Group>
          {actions && (
            <Group gap={4}>
              <Button size="compact-xs" variant="subtle" onClick={actions.edit}>Change</Button>
              <Button size="compact-xs" variant="subtle" color="red" loading={actions.removing} onClick={actions.remove}>Remove</Button>
            </Group>
          )}
        </Group>
        <Progress value={used} color={color} size="md" radius="xl" aria-label={`${Math.round(used)}% of the budget spent`} />
        <Text size="xs" c="dimmed" data-testid="budget-spend">
          {formatUsd(budget.spentUsd)} of {formatUsd(budget.limitUsd)} spent {period}
          {budget.period === 'month' && budget.periodStart ? ` (since ${budget.periodStart.slice(0, 10)})` : ''}
        </Text>
      </Stack>
    </Paper>
  );
}
