import { Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Project } from '../api-types.ts';
import { ProductCompliance } from '../components/product-compliance.tsx';
import { ProductCost } from '../components/product-cost.tsx';
import { ProductDpgGate } from '../components/product-dpg-gate.tsx';
import { ProductManufacturability } from '../components/product-manufacturability.tsx';
import { ProductQuality } from '../components/product-quality.tsx';
import { QueryError } from '../components/query-error.tsx';
import { useDpgAnalysis, useRefreshProductOnMessages } from '../hooks/use-product.ts';
import type { DpgView } from '../product-api-types.ts';

/** The genome's analysis: manufacturability, compliance per market, cost per tier and the quality plan. */
export function ProductAnalysisPage({ project }: { project: Project }) {
  useRefreshProductOnMessages(project);
  return (
    <ProductDpgGate projectId={project.id} what="the analyses">
      {(dpg) => <Analysis projectId={project.id} dpg={dpg} />}
    </ProductDpgGate>
  );
}

function Analysis({ projectId, dpg }: { projectId: string; dpg: DpgView }) {
  const analysis = useDpgAnalysis(projectId, dpg.id);
  if (analysis.isPending) return <Stack gap="md" aria-label="Loading the analysis">{[0, 1, 2, 3].map((i) => <Skeleton key={i} h={160} radius="md" />)}</Stack>;
  if (analysis.isError) return <QueryError error={analysis.error} title="Could not analyse the genome" onRetry={() => void analysis.refetch()} />;
  const { manufacturability, compliance, cost, quality } = analysis.data;
  return (
    <Stack gap="xl">
      <Text size="sm" c="dimmed">
        Computed from genome version {dpg.version} ({dpg.missingSpecs.length === 0 ? 'complete spec' : `${dpg.missingSpecs.length} spec${dpg.missingSpecs.length === 1 ? '' : 's'} still missing: the results assume category defaults there`}).
      </Text>
      <Section id="analysis-manufacturability-heading" title="Manufacturability"><ProductManufacturability report={manufacturability} /></Section>
      <Section id="analysis-compliance-heading" title="Compliance"><ProductCompliance report={compliance} /></Section>
      <Section id="analysis-cost-heading" title="Cost estimate"><ProductCost estimate={cost} /></Section>
      <Section id="analysis-quality-heading" title="Quality plan"><ProductQuality plan={quality} /></Section>
    </Stack>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Title order={2} fz="h4" id={id} mb="sm">{title}</Title>
      {children}
    </Paper>
  );
}
