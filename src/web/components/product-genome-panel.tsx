import { Badge, Divider, EmptyState, Group, List, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { Project } from '../api-types.ts';
import { useActiveDpg, useDpgVersions, useRefreshProductOnMessages } from '../hooks/use-product.ts';
import { categoryLabels, dpgStageLabels } from '../product-labels.ts';
import { IconFile } from './icons.tsx';
import { ProductGenomeActions } from './product-genome-actions.tsx';
import { ProductSpecTable } from './product-spec-table.tsx';
import { ProductStageStepper } from './product-stage-stepper.tsx';
import { QueryError } from './query-error.tsx';
import { RelativeTime } from './relative-time.tsx';

/** The Digital Product Genome beside the conversation: its stage, spec, missing specs and the approval actions. */
export function ProductGenomePanel({ project }: { project: Project }) {
  const dpg = useActiveDpg(project.id);
  const versions = useDpgVersions(project.id, Boolean(dpg.data));
  useRefreshProductOnMessages(project);
  const earlier = (versions.data ?? []).filter((v) => v.id !== dpg.data?.id);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="genome-heading" data-testid="genome-panel">
      <Group justify="space-between" align="baseline" mb="xs">
        <Title order={2} fz="h4" id="genome-heading">Product genome</Title>
        {dpg.data && <Badge variant="light" color="orange" data-testid="genome-version">Version {dpg.data.version}</Badge>}
      </Group>
      {dpg.isPending ? (
        <Stack gap="xs" aria-label="Loading the genome">{[0, 1, 2].map((i) => <Skeleton key={i} h={28} radius="sm" />)}</Stack>
      ) : dpg.isError ? (
        <QueryError error={dpg.error} title="Could not load the genome" onRetry={() => void dpg.refetch()} />
      ) : dpg.data === null ? (
        <EmptyState
          size="sm" icon={<IconFile size={24} />} withIndicatorBackground title="No genome yet" data-testid="genome-empty"
          description="Describe the product you want to make in the conversation; its genome starts with your first message."
        />
      ) : (
        <Stack gap="md">
          <ProductStageStepper stage={dpg.data.stage} />
          <div>
            <Text fw={600} size="lg" data-testid="genome-title" style={{ overflowWrap: 'anywhere' }}>{dpg.data.title || 'Untitled product'}</Text>
            <Group gap="xs" mt={4}>
              <Badge variant="default" data-testid="genome-category">{categoryLabels[dpg.data.category] ?? dpg.data.category}</Badge>
              {dpg.data.selectedConcept !== null && <Badge variant="light">Concept {dpg.data.selectedConcept} selected</Badge>}
              <Text size="xs" c="dimmed">Updated <RelativeTime iso={dpg.data.updatedAt} /></Text>
            </Group>
            {dpg.data.summary && <Text size="sm" mt="xs" className="message-content" data-testid="genome-summary">{dpg.data.summary}</Text>}
            {earlier.length > 0 && (
              <Text size="xs" c="dimmed" mt={4} data-testid="genome-earlier-versions">
                Earlier versions: {earlier.map((v) => `v${v.version} (${(dpgStageLabels[v.stage] ?? v.stage).toLowerCase()})`).join(', ')}
              </Text>
            )}
          </div>
          <ProductGenomeActions project={project} dpg={dpg.data} />
          <Divider />
          <section aria-labelledby="genome-missing-heading" data-testid="genome-missing-specs">
            <Title order={3} fz="sm" id="genome-missing-heading" mb={4}>Missing specs</Title>
            {dpg.data.missingSpecs.length === 0 ? (
              <Text size="sm" c="dimmed">Nothing missing: every core spec is filled in.</Text>
            ) : (
              <List size="sm" spacing={2}>
                {dpg.data.missingSpecs.map((m) => <List.Item key={m.key} data-spec={m.key}>{m.name}</List.Item>)}
              </List>
            )}
          </section>
          <Divider />
          <section aria-labelledby="genome-spec-heading">
            <Title order={3} fz="sm" id="genome-spec-heading">Specification</Title>
            <ProductSpecTable data={dpg.data.data} />
          </section>
        </Stack>
      )}
    </Paper>
  );
}
