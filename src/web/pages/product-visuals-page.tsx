import { EmptyState, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { Project } from '../api-types.ts';
import { IconFile } from '../components/icons.tsx';
import { ProductDpgGate } from '../components/product-dpg-gate.tsx';
import { ProductVisualCard } from '../components/product-visual-card.tsx';
import { ProductVisualCompare } from '../components/product-visual-compare.tsx';
import { QueryError } from '../components/query-error.tsx';
import { visualGroups } from '../format/visual-groups.ts';
import { useApi } from '../hooks/use-api.ts';
import { useDpgAssets, useRefreshProductOnMessages } from '../hooks/use-product.ts';
import type { AssetKind, DpgView } from '../product-api-types.ts';

const sections: { kind: AssetKind; title: string; description: string }[] = [
  { kind: 'concept', title: 'Concept sketches', description: 'Early directions to choose from.' },
  { kind: 'flat', title: 'Technical flats', description: 'Manufacturing drawings: front, back and side.' },
  { kind: 'callout', title: 'Callouts', description: 'Close-ups of details a factory must get right.' },
];

/** The genome's visuals: a gallery per kind and view with version history and lineage, and a side-by-side comparison. */
export function ProductVisualsPage({ project }: { project: Project }) {
  useRefreshProductOnMessages(project);
  return (
    <ProductDpgGate projectId={project.id} what="visuals">
      {(dpg) => <Visuals project={project} dpg={dpg} />}
    </ProductDpgGate>
  );
}

function Visuals({ project, dpg }: { project: Project; dpg: DpgView }) {
  const api = useApi();
  const assets = useDpgAssets(project.id, dpg.id);
  if (assets.isPending) return <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} aria-label="Loading the visuals">{[0, 1, 2].map((i) => <Skeleton key={i} h={320} radius="md" />)}</SimpleGrid>;
  if (assets.isError) return <QueryError error={assets.error} title="Could not load the visuals" onRetry={() => void assets.refetch()} />;
  const groups = visualGroups(assets.data);
  if (groups.length === 0) {
    return (
      <EmptyState
        size="sm" icon={<IconFile size={24} />} withIndicatorBackground title="No visuals yet" data-testid="visuals-empty"
        description="Once the product is described, the partner draws concept sketches; ask for technical flats or changes in the conversation."
      />
    );
  }
  return (
    <Stack gap="xl">
      <Text size="sm" c="dimmed">Genome version {dpg.version}: every image is kept; pick a version to see how it was made.</Text>
      {sections.map(({ kind, title, description }) => {
        const of = groups.filter((g) => g.kind === kind);
        if (of.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`visuals-${kind}`} data-testid={`visuals-${kind}`}>
            <Title order={2} fz="h4" id={`visuals-${kind}`}>{title}</Title>
            <Text size="sm" c="dimmed" mb="sm">{description}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {of.map((g) => <ProductVisualCard key={g.testId} group={g} workspaceId={api.workspaceId} />)}
            </SimpleGrid>
          </section>
        );
      })}
      <section aria-labelledby="visuals-compare">
        <Title order={2} fz="h4" id="visuals-compare" mb="sm">Compare versions</Title>
        <ProductVisualCompare groups={groups} workspaceId={api.workspaceId} />
      </section>
    </Stack>
  );
}
