import { Badge, EmptyState, Group, NavLink, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Project } from '../api-types.ts';
import { IconFile } from '../components/icons.tsx';
import { ProductRfqDetail } from '../components/product-rfq-detail.tsx';
import { ProductSuppliers } from '../components/product-suppliers.tsx';
import { QueryError } from '../components/query-error.tsx';
import { useRefreshProductOnMessages, useRfqs } from '../hooks/use-product.ts';

/** Sourcing: the project's RFQs (for the one picked its document, matches, quotes, ranking and order) and the workspace's supplier directory. */
export function ProductSourcingPage({ project }: { project: Project }) {
  useRefreshProductOnMessages(project);
  return (
    <Stack gap="xl">
      <Rfqs project={project} />
      <ProductSuppliers />
    </Stack>
  );
}

function Rfqs({ project }: { project: Project }) {
  const rfqs = useRfqs(project.id);
  const [picked, setPicked] = useState<string | null>(null);

  if (rfqs.isPending) return <Stack gap="sm" aria-label="Loading the RFQs">{[0, 1].map((i) => <Skeleton key={i} h={96} radius="md" />)}</Stack>;
  if (rfqs.isError) return <QueryError error={rfqs.error} title="Could not load the RFQs" onRetry={() => void rfqs.refetch()} />;
  if (rfqs.data.length === 0) {
    return (
      <EmptyState
        size="sm" icon={<IconFile size={24} />} withIndicatorBackground title="No RFQs yet" data-testid="rfqs-empty"
        description="Approve the genome (Conversation tab, beside the chat), then choose Generate RFQ: the request for quotation appears here, matched against the supplier directory below."
      />
    );
  }
  const rfq = rfqs.data.find((r) => r.id === picked) ?? rfqs.data[0]!;

  // The RFQs sit above the one shown, so its quote table gets the page's full width.
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="xs" component="nav" aria-labelledby="rfqs-heading">
        <Group justify="space-between" gap="xs" px="xs" py={4}>
          <Title order={2} fz="sm" id="rfqs-heading">RFQs</Title>
          <Text size="xs" c="dimmed">Each approved genome version can have its own RFQ.</Text>
        </Group>
        <Group gap={4} component="ul" className="product-plain-list" data-testid="rfq-list">
          {rfqs.data.map((r) => (
            <li key={r.id} className="product-rfq-item">
              <NavLink
                component="button" type="button" active={r.id === rfq.id} aria-current={r.id === rfq.id ? 'true' : undefined}
                onClick={() => setPicked(r.id)} data-testid="rfq-item" data-rfq-id={r.id}
                label={r.code}
                description={`Genome v${r.dpgVersion} · ${r.quoteCount} quote${r.quoteCount === 1 ? '' : 's'}`}
                rightSection={<Badge size="xs" variant="light" color={r.status === 'awarded' ? 'green' : 'blue'}>{r.status}</Badge>}
              />
            </li>
          ))}
        </Group>
      </Paper>
      <ProductRfqDetail key={rfq.id} project={project} rfq={rfq} />
    </Stack>
  );
}
