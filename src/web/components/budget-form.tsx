import { Button, Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api-error.ts';
import type { Budget, BudgetPeriod, BudgetScope, Page, Project } from '../api-types.ts';
import { useApi } from '../hooks/use-api.ts';
import { useBudgetMutations } from '../hooks/use-budgets.ts';
import { queryKeys } from '../query-keys.ts';
import { FormError } from './form-error.tsx';

const scopeOptions: { value: BudgetScope; label: string }[] = [
  { value: 'workspace', label: 'The whole workspace' }, { value: 'project', label: 'One project' }, { value: 'run', label: 'One workflow run' },
];
const periodOptions: { value: BudgetPeriod; label: string }[] = [{ value: 'month', label: 'Per month' }, { value: 'total', label: 'In total' }];

/** The workspace's projects to pick from (the 100 newest: a budget is rarely wanted for an old one). */
function useProjectChoices(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: [...queryKeys.projects(api.workspaceId), 'choices'],
    queryFn: ({ signal }) => api.get<Page<Project>>('/api/projects?limit=100', { signal }),
    select: (page) => page.items.map((p) => ({ value: p.id, label: p.name })),
    enabled,
  });
}

/**
 * Sets a budget: new (the workspace, a project or a run) or an existing one's limit and period.
 * The server refuses a project or run outside the workspace and anyone below admin.
 */
export function BudgetForm({ budget, onDone }: { budget?: Budget; onDone: () => void }) {
  const api = useApi();
  const { set } = useBudgetMutations();
  const [scope, setScope] = useState<BudgetScope>(budget?.scope ?? 'workspace');
  const [target, setTarget] = useState<string | null>(budget && budget.scope !== 'workspace' ? budget.scopeId : null);
  const [limit, setLimit] = useState<number | string>(budget?.limitUsd ?? '');
  const [period, setPeriod] = useState<BudgetPeriod>(budget?.period ?? 'month');
  const [problems, setProblems] = useState<{ target?: string; limit?: string }>({});
  const projects = useProjectChoices(!budget && scope === 'project');
  const server = set.error instanceof ApiError ? set.error.fieldErrors() : {};
  const placed = Boolean(server.limitUsd || server.scopeId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const limitUsd = typeof limit === 'number' ? limit : Number.NaN;
    const found = {
      ...(scope !== 'workspace' && !target?.trim() ? { target: scope === 'project' ? 'Pick a project.' : 'Paste the run id.' } : {}),
      ...(!Number.isFinite(limitUsd) || limitUsd < 0 ? { limit: 'Enter an amount of 0 or more.' } : {}),
    };
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const scopeId = scope === 'workspace' ? api.workspaceId : (target ?? '').trim();
    set.mutate({ scope, scopeId, limitUsd, period }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={budget ? `Change the budget of ${budget.name ?? budget.scopeId}` : 'Add a budget'}>
      <Stack gap="sm">
        {!budget && (
          <Group grow align="flex-start" gap="sm" className="trigger-form-row">
            <Select label="Applies to" data={scopeOptions} value={scope} allowDeselect={false} comboboxProps={{ withinPortal: true }}
              onChange={(value) => { if (value) { setScope(value as BudgetScope); setTarget(null); set.reset(); } }} />
            {scope === 'project' && (
              <Select label="Project" searchable data={projects.data ?? []} value={target} onChange={setTarget} comboboxProps={{ withinPortal: true }}
                placeholder={projects.isPending ? 'Loading projects…' : 'Pick a project'} nothingFoundMessage="No such project"
                error={problems.target ?? server.scopeId} />
            )}
            {scope === 'run' && (
              <TextInput label="Run id" placeholder="5f0c…" spellCheck={false} autoComplete="off" value={target ?? ''}
                description="From the run's page or `foundry runs list`." error={problems.target ?? server.scopeId}
                onChange={(e) => setTarget(e.currentTarget.value)} />
            )}
          </Group>
        )}
        <Group grow align="flex-start" gap="sm" className="trigger-form-row">
          <NumberInput
            label="Limit (US dollars)" prefix="$" min={0} decimalScale={4} allowNegative={false} thousandSeparator="," value={limit}
            onChange={setLimit} error={problems.limit ?? server.limitUsd} description="0 stops every paid model call."
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="budget-period-label">Period</Text>
            <SegmentedControl data={periodOptions} value={period} onChange={(value) => setPeriod(value as BudgetPeriod)} aria-labelledby="budget-period-label" />
            <Text size="xs" c="dimmed">A monthly budget starts again on the 1st (UTC).</Text>
          </Stack>
        </Group>
        {set.error && !placed && <FormError error={set.error} title="The budget was not saved" />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={set.isPending}>Save budget</Button>
        </Group>
      </Stack>
    </form>
  );
}
