import { EmptyState, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { Project } from '../api-types.ts';
import { useKnowledgeSources } from '../hooks/use-knowledge.ts';
import { IconBook } from './icons.tsx';
import { KnowledgeDropzone } from './knowledge-dropzone.tsx';
import { KnowledgeSearch } from './knowledge-search.tsx';
import { KnowledgeSourceItem } from './knowledge-source-item.tsx';
import { KnowledgeUrlForm } from './knowledge-url-form.tsx';
import { QueryError } from './query-error.tsx';

/** The project's knowledge: add files and web pages, watch them being read, and search what they say. */
export function KnowledgePanel({ project }: { project: Project }) {
  const sources = useKnowledgeSources(project.id);
  const canEdit = project.role !== 'viewer';
  const hasReady = sources.data?.some((s) => s.status === 'ready') ?? false;
  return (
    <Stack gap="lg">
      {canEdit && (
        <Paper withBorder radius="md" p="md">
          <Title order={2} fz="h4" mb={4}>Add knowledge</Title>
          <Text size="sm" c="dimmed" mb="sm">Price lists, specifications, briefs, web pages: the project's partner searches them and cites them.</Text>
          <Stack gap="md">
            <KnowledgeDropzone projectId={project.id} />
            <KnowledgeUrlForm projectId={project.id} />
          </Stack>
        </Paper>
      )}
      {hasReady && (
        <section aria-labelledby="knowledge-search-heading">
          <Title order={2} fz="h4" mb="sm" id="knowledge-search-heading">Search the knowledge</Title>
          <KnowledgeSearch projectId={project.id} />
        </section>
      )}
      <section aria-labelledby="knowledge-heading">
        <Title order={2} fz="h4" mb="sm" id="knowledge-heading">Sources</Title>
        {sources.isPending ? (
          <Stack gap="sm">{[0, 1].map((i) => <Skeleton key={i} h={72} radius="md" />)}</Stack>
        ) : sources.isError ? (
          <QueryError error={sources.error} title="Could not load the knowledge" onRetry={() => void sources.refetch()} />
        ) : sources.data.length === 0 ? (
          <EmptyState
            size="sm" icon={<IconBook size={24} />} withIndicatorBackground title="No knowledge yet"
            description={canEdit ? 'Add files or web pages above; each is read in the background and becomes searchable.' : 'Files and pages the team adds will appear here.'}
          />
        ) : (
          <Stack gap="sm" component="ul" aria-label="Knowledge sources" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {sources.data.map((s) => <KnowledgeSourceItem key={s.id} source={s} canEdit={canEdit} />)}
          </Stack>
        )}
      </section>
    </Stack>
  );
}
