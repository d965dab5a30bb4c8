import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../api-error.ts';
import type { Budget } from '../api-types.ts';
import { useBudgetMutations, useBudgets } from '../hooks/use-budgets.ts';
import { BudgetForm } from './budget-form.tsx';
import { BudgetItem } from './budget-item.tsx';
import { IconPlus } from './icons.tsx';
import { QueryError } from './query-error.tsx';

const keyOf = (b: Pick<Budget, 'scope' | 'scopeId'>) => `${b.scope}:${b.scopeId}`;

/**
 * The workspace's budgets with a bar of spend against each limit; owners and admins add, change
 * and remove them. A spent budget refuses further paid model calls in its scope.
 */
export function BudgetPanel({ canManage }: { canManage: boolean }) {
  const budgets = useBudgets();
  const { remove } = useBudgetMutations();
  const [editing, setEditing] = useState<string | 'new'>();
  const edited = budgets.data?.find((b) => keyOf(b) === editing);

  const removeBudget = (budget: Budget) => remove.mutate({ scope: budget.scope, scopeId: budget.scopeId }, {
    onError: (error) => notifications.show({ color: 'red', title: 'The budget was not removed', message: errorMessage(error) }),
  });

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="budgets-heading">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={2} fz="h4" id="budgets-heading">Budgets</Title>
          {canManage && editing !== 'new' && (
            <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>Add budget</Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          A budget stops paid model calls in its scope once its spend reaches the limit; the work fails with a clear error instead of overspending.
          A call already under way finishes, so spend can pass a limit by that one call.
        </Text>
        {(editing === 'new' || edited) && (
          <Paper withBorder radius="md" p="md" bg="var(--mantine-color-body)">
            <BudgetForm key={editing} budget={edited} onDone={() => setEditing(undefined)} />
          </Paper>
        )}
        {budgets.isPending ? <Loader size="sm" type="dots" aria-label="Loading budgets" />
          : budgets.isError ? <QueryError error={budgets.error} title="Could not load the budgets" onRetry={() => void budgets.refetch()} />
            : budgets.data.length === 0 ? <Text size="sm" c="dimmed">No budgets: model calls are not limited.</Text>
              : (
                <Stack gap="xs" component="ul" aria-label="Budgets" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {budgets.data.map((budget) => (
                    <BudgetItem key={keyOf(budget)} budget={budget} actions={canManage ? {
                      edit: () => setEditing(keyOf(budget)),
                      remove: () => removeBudget(budget),
                      removing: remove.isPending && remove.variables.scopeId === budget.scopeId && remove.variables.scope === budget.scope,
                    } : undefined} />
                  ))}
                </Stack>
              )}
      </Stack>
    </Paper>
  );
}
