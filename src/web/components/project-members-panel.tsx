import { Anchor, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { Project } from '../api-types.ts';
import { useApi } from '../hooks/use-api.ts';
import { useProjectMembers } from '../hooks/use-members.ts';
import { useSession } from '../hooks/use-session.ts';
import { queryKeys } from '../query-keys.ts';
import { projectRoles } from '../roles.ts';
import { linkProps } from '../routing/link-props.ts';
import { MembersEditor } from './members-editor.tsx';
import { QueryError } from './query-error.tsx';

/** Who works on the project, and with which role. */
export function ProjectMembersPanel({ project }: { project: Project }) {
  const api = useApi();
  const members = useProjectMembers(project.id);
  const userId = useSession().data?.user.id;
  const canManage = project.role === 'owner';
  return (
    <Stack gap="md">
      <div>
        <Title order={2} fz="h4">Members</Title>
        <Text size="sm" c="dimmed">
          Owners manage the project, editors work in it, viewers read it. Everyone in the workspace already has the role their workspace role gives; add people here to give them more.
          {canManage && <> People must first be <Anchor {...linkProps('/workspace')} size="sm">members of the workspace</Anchor>.</>}
        </Text>
      </div>
      {members.isPending ? (
        <Skeleton h={120} radius="md" />
      ) : members.isError ? (
        <QueryError error={members.error} title="Could not load the members" onRetry={() => void members.refetch()} />
      ) : (
        <MembersEditor
          path={`/api/projects/${encodeURIComponent(project.id)}/members`}
          queryKey={queryKeys.projectMembers(api.workspaceId, project.id)}
          members={members.data} roles={projectRoles} defaultRole="editor" canManage={canManage} currentUserId={userId} where="this project"
        />
      )}
    </Stack>
  );
}
