import { Badge, Button, Code, Group, Loader, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../api-error.ts';
import type { ModelRole, ModelRoleSetting, ModelRoleTest } from '../api-types.ts';
import { useModelRoleMutations, useModelRoles } from '../hooks/use-model-roles.ts';
import { ModelRoleForm } from './model-role-form.tsx';
import { providerLabels, roleLabels } from './model-role-labels.ts';
import { ModelRoleSourceBadge } from './model-role-source-badge.tsx';
import { QueryError } from './query-error.tsx';

type TestOutcome = { ok: true; latencyMs: number } | { ok: false; message: string };

function outcomeOf(result: ModelRoleTest): TestOutcome {
  return result.ok ? { ok: true, latencyMs: result.latencyMs } : { ok: false, message: result.error ? `${result.error.message} (${result.error.code})` : 'The call failed.' };
}

function TestResult({ outcome }: { outcome: TestOutcome }) {
  return outcome.ok
    ? <Badge color="green" variant="light" size="sm" data-testid="model-test-result">Works · {Math.round(outcome.latencyMs)} ms</Badge>
    : <Text size="xs" c="red" data-testid="model-test-result" style={{ overflowWrap: 'anywhere' }}>{outcome.message}</Text>;
}

/**
 * The engine of each role: provider and model, where the choice comes from (this workspace, the
 * server's configuration or the built-in default), a Test button that makes one small call, and
 * for owners and admins an editor and a way back to the default.
 */
export function ModelRolePanel({ canManage }: { canManage: boolean }) {
  const roles = useModelRoles();
  const { reset, test } = useModelRoleMutations();
  const [editing, setEditing] = useState<ModelRole>();
  const [outcomes, setOutcomes] = useState<Partial<Record<ModelRole, TestOutcome>>>({});

  const runTest = (role: ModelRole) => {
    setOutcomes(({ [role]: _old, ...rest }) => rest);
    test.mutate(role, {
      onSuccess: (result) => setOutcomes((current) => ({ ...current, [role]: outcomeOf(result) })),
      onError: (error) => setOutcomes((current) => ({ ...current, [role]: { ok: false, message: errorMessage(error) } })),
    });
  };
  const resetRole = (role: ModelRole) => reset.mutate(role, {
    onError: (error) => notifications.show({ color: 'red', title: 'The role was not reset', message: errorMessage(error) }),
  });
  const editedSetting = roles.data?.find((r) => r.role === editing);

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="models-heading">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="models-heading">Models</Title>
        <Text size="sm" c="dimmed">
          Which engine answers each kind of work. When a provider fails or times out, the built-in engine answers instead and the reply says so.
          {canManage ? ' Store API keys under credentials first, then pick them here.' : ' Owners and admins can change these.'}
        </Text>
        {roles.isPending ? <Loader size="sm" type="dots" aria-label="Loading the models" />
          : roles.isError ? <QueryError error={roles.error} title="Could not load the models" onRetry={() => void roles.refetch()} />
            : (
              <Table.ScrollContainer minWidth={640} type="native">
                <Table verticalSpacing="xs" fz="sm" aria-label="Model per role">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Role</Table.Th>
                      <Table.Th>Engine</Table.Th>
                      <Table.Th>Source</Table.Th>
                      <Table.Th>Test</Table.Th>
                      {canManage && <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {roles.data.map((setting: ModelRoleSetting) => {
                      const { label, description } = roleLabels[setting.role];
                      const outcome = outcomes[setting.role];
                      const testing = test.isPending && test.variables === setting.role;
                      return (
                        <Table.Tr key={setting.role} data-role={setting.role} aria-label={label}>
                          <Table.Td>
                            <Text size="sm" fw={600}>{label}</Text>
                            <Text size="xs" c="dimmed">{description}</Text>
                          </Table.Td>
                          <Table.Td maw={280}>
                            <Text size="sm">{providerLabels[setting.provider]}</Text>
                            <Code fz="xs" style={{ overflowWrap: 'anywhere' }}>{setting.model}</Code>
                            {setting.baseUrl && <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{setting.baseUrl}</Text>}
                          </Table.Td>
                          <Table.Td><ModelRoleSourceBadge source={setting.source} /></Table.Td>
                          <Table.Td maw={240}>
                            <Stack gap={4} align="flex-start">
                              <Button size="compact-xs" variant="default" loading={testing} onClick={() => runTest(setting.role)} aria-label={`Test ${label}`}>Test</Button>
                              {outcome && <TestResult outcome={outcome} />}
                            </Stack>
                          </Table.Td>
                          {canManage && (
                            <Table.Td>
                              <Group gap={4} justify="flex-end" wrap="nowrap">
                                <Button size="compact-xs" variant="subtle" onClick={() => setEditing(setting.role)} aria-label={`Change ${label}`}>Change</Button>
                                {setting.source === 'workspace' && (
                                  <Button size="compact-xs" variant="subtle" color="gray" loading={reset.isPending && reset.variables === setting.role}
                                    onClick={() => resetRole(setting.role)} aria-label={`Use the default for ${label}`}>Use default</Button>
                                )}
                              </Group>
                            </Table.Td>
                          )}
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
        {editedSetting && (
          <Paper withBorder radius="md" p="md" bg="var(--mantine-color-body)">
            <ModelRoleForm key={editedSetting.role} setting={editedSetting} onDone={() => setEditing(undefined)} />
          </Paper>
        )}
      </Stack>
    </Paper>
  );
}
