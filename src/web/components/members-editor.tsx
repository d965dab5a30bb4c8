import { Avatar, Badge, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { errorMessage } from '../api-error.ts';
import { useApi } from '../hooks/use-api.ts';
import { initials } from '../format/initials.ts';
import { roleLabel } from '../roles.ts';
import { AddMemberForm } from './add-member-form.tsx';
import type { MemberRow } from './member-row.ts';
import { RemoveMemberButton } from './remove-member-button.tsx';

export interface MembersEditorProps<R extends string> {
  /** The members collection: POST adds, PATCH and DELETE `/:userId` change and remove. */
  path: string;
  queryKey: QueryKey;
  members: MemberRow<R>[];
  roles: readonly R[];
  defaultRole: R;
  canManage: boolean;
  currentUserId: string | undefined;
  /** "this project", "this workspace": used in confirmations. */
  where: string;
}

/** Lists members with their roles; managers add people by email, change roles and remove them. */
export function MembersEditor<R extends string>(props: MembersEditorProps<R>) {
  const { path, queryKey, members, roles, canManage, currentUserId, where } = props;
  const api = useApi();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey });
  const roleOptions = roles.map((r) => ({ value: r, label: roleLabel(r) }));

  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: R }) => api.patch(`${path}/${encodeURIComponent(userId)}`, { role }),
    onSuccess: () => refresh(),
    onError: (error) => notifications.show({ color: 'red', title: 'The role was not changed', message: errorMessage(error) }),
  });
  const remove = useMutation({
    mutationFn: (userId: string) => api.delete(`${path}/${encodeURIComponent(userId)}`),
    onSuccess: () => refresh(),
    onError: (error) => notifications.show({ color: 'red', title: 'Not removed', message: errorMessage(error) }),
  });

  return (
    <Stack gap="md">
      {canManage && <AddMemberForm path={path} roles={roles} defaultRole={props.defaultRole} onAdded={() => void refresh()} />}
      <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Members">
        {members.map((m) => {
          const self = m.userId === currentUserId;
          return (
            <Paper key={m.userId} component="li" withBorder radius={0} px="md" py="sm" style={{ marginTop: -1 }}>
              <Group justify="space-between" gap="sm" wrap="wrap">
                <Group gap="sm" wrap="nowrap" miw={0} style={{ flex: '1 1 220px' }}>
                  <Avatar radius="xl" color="indigo" aria-hidden="true">{initials(m.name)}</Avatar>
                  <Stack gap={0} miw={0}>
                    <Text size="sm" fw={600} truncate="end">{m.name}{self && <Text span size="xs" c="dimmed" fw={400}> (you)</Text>}</Text>
                    <Text size="xs" c="dimmed" truncate="end">{m.email}</Text>
                  </Stack>
                </Group>
                <Group gap="xs" wrap="nowrap">
                  {canManage ? (
                    <Select
                      aria-label={`Role of ${m.name}`} data={roleOptions} value={m.role} allowDeselect={false} size="xs" w={120}
                      onChange={(role) => role && role !== m.role && changeRole.mutate({ userId: m.userId, role: role as R })}
                      disabled={changeRole.isPending && changeRole.variables?.userId === m.userId}
                    />
                  ) : (
                    <Badge variant="light" color="gray">{roleLabel(m.role)}</Badge>
                  )}
                  {(canManage || self) && (
                    <RemoveMemberButton
                      name={m.name} self={self} where={where} onConfirm={() => remove.mutate(m.userId)}
                      loading={remove.isPending && remove.variables === m.userId}
                    />
                  )}
                </Group>
              </Group>
            </Paper>
          );
        })}
      </Stack>
    </Stack>
  );
}
