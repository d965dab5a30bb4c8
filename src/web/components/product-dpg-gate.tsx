import { EmptyState, Skeleton, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useActiveDpg } from '../hooks/use-product.ts';
import type { DpgView } from '../product-api-types.ts';
import { IconFile } from './icons.tsx';
import { QueryError } from './query-error.tsx';

/** Loads the project's active genome for a product page: loading, error and "no genome yet" states, then the page. */
export function ProductDpgGate({ projectId, what, children }: { projectId: string; what: string; children: (dpg: DpgView) => ReactNode }) {
  const dpg = useActiveDpg(projectId);
  if (dpg.isPending) return <Stack gap="sm" aria-label="Loading the genome">{[0, 1].map((i) => <Skeleton key={i} h={120} radius="md" />)}</Stack>;
  if (dpg.isError) return <QueryError error={dpg.error} title="Could not load the genome" onRetry={() => void dpg.refetch()} />;
  if (dpg.data === null) {
    return (
      <EmptyState
        size="sm" icon={<IconFile size={24} />} withIndicatorBackground title="No genome yet" data-testid="product-no-genome"
        description={`Describe the product in the conversation first; ${what} follow from its genome.`}
      />
    );
  }
  return <>{children(dpg.data)}</>;
}
