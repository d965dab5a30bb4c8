import { Card, Group, Text } from '@mantine/core';
import type { Project } from '../api-types.ts';
import { routePath } from '../routing/match-route.ts';
import { linkProps } from '../routing/link-props.ts';
import { RelativeTime } from './relative-time.tsx';
import { StatusBadge } from './status-badge.tsx';
import { StudioBadge } from './studio-badge.tsx';

/** A project in the list: the whole card is one link to it. */
export function ProjectCard({ project }: { project: Project }) {
  return (
    <Card
      component="a" {...linkProps(routePath({ name: 'project', projectId: project.id, tab: 'conversation' }))}
      withBorder padding="lg" radius="md" h="100%"
      style={{ display: 'flex', flexDirection: 'column', gap: 'var(--mantine-spacing-sm)' }}
      className="project-card"
    >
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <StudioBadge studio={project.studio} />
        <StatusBadge status={project.status} />
      </Group>
      <Text fw={600} fz="lg" lineClamp={2} component="h2" m={0}>{project.name}</Text>
      <Text size="sm" c="dimmed" lineClamp={3} style={{ flexGrow: 1 }}>
        {project.description || 'No description yet.'}
      </Text>
      <Group justify="space-between" gap="xs">
        {project.stage ? <Text size="xs" fw={500}>Stage: {project.stage}</Text> : <span />}
        <Text size="xs" c="dimmed">Updated <RelativeTime iso={project.updatedAt} /></Text>
      </Group>
    </Card>
  );
}
