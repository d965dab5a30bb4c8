import { Anchor, Badge, Button, EmptyState, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { IconPlus } from '../components/icons.tsx';
import { QueryError } from '../components/query-error.tsx';
import { RelativeTime } from '../components/relative-time.tsx';
import { WorkflowDefinitionForm } from '../components/workflow-definition-form.tsx';
import { useWorkflows } from '../hooks/use-workflows.ts';
import { roleAtLeast } from '../roles.ts';
import { routePath } from '../routing/match-route.ts';
import { linkProps } from '../routing/link-props.ts';
import { navigate } from '../routing/navigation.ts';
import { useWorkspace } from '../workspace-context.tsx';

/** The saved workflows of the workspace, and adding one by pasting its JSON definition. */
export function WorkflowsPage() {
  const { workspace } = useWorkspace();
  const workflows = useWorkflows();
  const [adding, setAdding] = useState(false);
  const canEdit = roleAtLeast(workspace.role, 'editor');

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>Workflows</Title>
          <Text c="dimmed" size="sm">in <Text span fw={600} c="var(--mantine-color-text)">{workspace.name}</Text> · <Anchor {...linkProps('/runs')} size="sm">All runs</Anchor></Text>
        </div>
        {canEdit && !adding && <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>Add workflow</Button>}
      </Group>

      {adding && (
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="add-workflow-heading">
          <Stack gap="sm">
            <Title order={2} fz="h4" id="add-workflow-heading">Add a workflow</Title>
            <WorkflowDefinitionForm
              onSaved={(workflow) => navigate(routePath({ name: 'workflow', workflowId: workflow.id }))}
              onCancel={() => setAdding(false)}
            />
          </Stack>
        </Paper>
      )}

      {workflows.isPending ? (
        <Skeleton h={160} radius="md" aria-busy="true" aria-label="Loading workflows" />
      ) : workflows.isError ? (
        <QueryError error={workflows.error} title="Could not load the workflows" onRetry={() => void workflows.refetch()} />
      ) : workflows.data.length === 0 ? (
        !adding && (
          <EmptyState
            py="xl" variant="light" icon={<IconPlus size={28} />} title="No workflows yet"
            description={canEdit
              ? 'A workflow is a graph of steps (tools, models, approvals) that Foundry runs durably. Paste a JSON definition to add one.'
              : 'Editors of this workspace can add workflows; you can run them once they exist.'}
          >
            {canEdit && (
              <EmptyState.Actions>
                <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>Add your first workflow</Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        )
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={520} type="native">
            <Table verticalSpacing="sm" horizontalSpacing="md" fz="sm" highlightOnHover aria-label="Workflows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Latest version</Table.Th>
                  <Table.Th>Updated</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {workflows.data.map((workflow) => (
                  <Table.Tr key={workflow.id}>
                    <Table.Td maw={480}>
                      <Anchor {...linkProps(routePath({ name: 'workflow', workflowId: workflow.id }))} fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {workflow.name}
                      </Anchor>
                      {workflow.description && <Text size="xs" c="dimmed" lineClamp={2}>{workflow.description}</Text>}
                    </Table.Td>
                    <Table.Td><Badge variant="light" color="gray" radius="sm">v{workflow.latestVersion}</Badge></Table.Td>
                    <Table.Td><RelativeTime iso={workflow.updatedAt} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
