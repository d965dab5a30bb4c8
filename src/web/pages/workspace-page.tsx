import { Badge, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { MembersEditor } from '../components/members-editor.tsx';
import { QueryError } from '../components/query-error.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useWorkspaceMembers } from '../hooks/use-members.ts';
import { useSession } from '../hooks/use-session.ts';
import { queryKeys } from '../query-keys.ts';
import { linkProps } from '../routing/link-props.ts';
import { roleAtLeast, roleLabel, workspaceRoles } from '../roles.ts';
import { useWorkspace } from '../workspace-context.tsx';

/** The current workspace and its members. */
export function WorkspacePage() {
  const api = useApi();
  const { workspace } = useWorkspace();
  const members = useWorkspaceMembers();
  const userId = useSession().data?.user.id;
  const canManage = roleAtLeast(workspace.role, 'admin');
  return (
    <Stack gap="lg" maw={820}>
      <div>
        <Group justify="space-between" gap="sm">
          <Group gap="xs">
            <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>{workspace.name}</Title>
            {workspace.personal && <Badge variant="light" color="gray">Personal</Badge>}
          </Group>
          <Button component="a" variant="default" size="sm" {...linkProps('/workspace/models')}>Models &amp; usage</Button>
        </Group>
        <Text c="dimmed" size="sm">Your role: {roleLabel(workspace.role)}. Members see the workspace's projects with the role given here.</Text>
      </div>
      <section aria-labelledby="members-heading">
        <Title order={2} fz="h4" mb="xs" id="members-heading">Members</Title>
        {canManage && <Text size="sm" c="dimmed" mb="md">Add people who already have a Foundry account on this server, by their email.</Text>}
        {members.isPending ? (
          <Skeleton h={120} radius="md" />
        ) : members.isError ? (
          <QueryError error={members.error} title="Could not load the members" onRetry={() => void members.refetch()} />
        ) : (
          <MembersEditor
            path="/api/workspace/members" queryKey={queryKeys.workspaceMembers(api.workspaceId)} members={members.data}
            roles={workspaceRoles} defaultRole="editor" canManage={canManage} currentUserId={userId} where="this workspace"
          />
        )}
      </section>
    </Stack>
  );
}
