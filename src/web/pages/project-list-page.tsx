import { Button, EmptyState, Group, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ProjectStatus, Studio } from '../api-types.ts';
import { IconPlus } from '../components/icons.tsx';
import { ProjectCard } from '../components/project-card.tsx';
import { QueryError } from '../components/query-error.tsx';
import { useProjects } from '../hooks/use-projects.ts';
import { projectStatusIds, projectStatuses } from '../project-statuses.ts';
import { linkProps } from '../routing/link-props.ts';
import { studioIds, studios } from '../studios.ts';
import { useWorkspace } from '../workspace-context.tsx';

const studioOptions = studioIds.map((id) => ({ value: id, label: studios[id].label }));
const statusOptions = projectStatusIds.map((id) => ({ value: id, label: projectStatuses[id].label }));

/** The projects of the current workspace, with filters and an empty state. */
export function ProjectListPage() {
  const { workspace } = useWorkspace();
  const [studio, setStudio] = useState<Studio | null>(null);
  const [status, setStatus] = useState<ProjectStatus | null>(null);
  const projects = useProjects({ studio: studio ?? undefined, status: status ?? undefined });
  const items = projects.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(studio || status);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>Projects</Title>
          <Text c="dimmed" size="sm">in <Text span fw={600} c="var(--mantine-color-text)">{workspace.name}</Text></Text>
        </div>
        <Button {...linkProps('/projects/new')} component="a" leftSection={<IconPlus size={16} />}>New project</Button>
      </Group>

      <Group gap="sm" wrap="wrap" role="search" aria-label="Filter projects">
        <Select
          label="Studio" placeholder="All studios" data={studioOptions} value={studio} clearable
          onChange={(v) => setStudio(v as Studio | null)} w={{ base: 'calc(50% - 6px)', xs: 180 }} size="sm"
        />
        <Select
          label="Status" placeholder="Any status" data={statusOptions} value={status} clearable
          onChange={(v) => setStatus(v as ProjectStatus | null)} w={{ base: 'calc(50% - 6px)', xs: 180 }} size="sm"
        />
      </Group>

      {projects.isPending ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} aria-busy="true" aria-label="Loading projects">
          {[0, 1, 2].map((i) => <Skeleton key={i} h={170} radius="md" />)}
        </SimpleGrid>
      ) : projects.isError ? (
        <QueryError error={projects.error} title="Could not load the projects" onRetry={() => void projects.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          py="xl"
          variant="light"
          icon={<IconPlus size={28} />}
          title={filtered ? 'No projects match these filters' : 'No projects yet'}
          description={filtered
            ? 'Clear the filters to see every project of this workspace.'
            : 'Start one: describe what you want, pick a studio, and its conversation begins.'}
        >
          <EmptyState.Actions>
            {filtered
              ? <Button variant="default" onClick={() => { setStudio(null); setStatus(null); }}>Clear filters</Button>
              : <Button component="a" {...linkProps('/projects/new')} leftSection={<IconPlus size={16} />}>Create your first project</Button>}
          </EmptyState.Actions>
        </EmptyState>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Projects">
            {items.map((project) => (
              <li key={project.id}><ProjectCard project={project} /></li>
            ))}
          </SimpleGrid>
          {projects.hasNextPage && (
            <Group justify="center">
              <Button variant="default" onClick={() => void projects.fetchNextPage()} loading={projects.isFetchingNextPage}>Load more projects</Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
