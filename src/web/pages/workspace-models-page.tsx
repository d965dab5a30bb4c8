import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { BudgetPanel } from '../components/budget-panel.tsx';
import { IconArrowLeft } from '../components/icons.tsx';
import { ModelRolePanel } from '../components/model-role-panel.tsx';
import { UsageSummaryPanel } from '../components/usage-summary-panel.tsx';
import { linkProps } from '../routing/link-props.ts';
import { roleAtLeast } from '../roles.ts';
import { useWorkspace } from '../workspace-context.tsx';

/** The workspace's models per role, its model usage and cost, and its budgets. */
export function WorkspaceModelsPage() {
  const { workspace } = useWorkspace();
  const canManage = roleAtLeast(workspace.role, 'admin');
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Anchor {...linkProps('/workspace')} size="sm" c="dimmed" w="fit-content">
          <Group gap={4} component="span"><IconArrowLeft size={14} /> {workspace.name}</Group>
        </Anchor>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>Models &amp; usage</Title>
        <Text c="dimmed" size="sm">Which engine does each kind of work in {workspace.name}, what the calls cost, and the limits that stop them.</Text>
      </Stack>
      <ModelRolePanel canManage={canManage} />
      <UsageSummaryPanel />
      <BudgetPanel canManage={canManage} />
    </Stack>
  );
}
