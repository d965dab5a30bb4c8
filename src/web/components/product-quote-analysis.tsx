import { Alert, Badge, Button, Group, List, Loader, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { formatDays, formatMoney, formatScore } from '../format/product-format.ts';
import { normaliseWeights, roundWeights } from '../format/product-weights.ts';
import { useQuoteAnalysis } from '../hooks/use-product.ts';
import type { AnalysisMethod, OrderView, RedFlag, Weights } from '../product-api-types.ts';
import { criterionOrder, defaultWeights } from '../product-labels.ts';
import { IconCheck, IconInfo } from './icons.tsx';
import { ProductWeightSliders } from './product-weight-sliders.tsx';
import { QueryError } from './query-error.tsx';

const severityColors: Record<RedFlag['severity'], string> = { low: 'yellow', medium: 'orange', high: 'red' };

/** The quote comparison: method and weights, the ranked table, red flags, the recommendation and negotiation ideas. */
export function ProductQuoteAnalysis({ projectId, rfqId, order, canChoose, choosing, onChoose }: {
  projectId: string;
  rfqId: string;
  order: OrderView | null;
  canChoose: boolean;
  /** The quote being ordered right now. */
  choosing: string | null;
  onChoose: (quoteId: string, supplierName: string) => void;
}) {
  const [method, setMethod] = useState<AnalysisMethod>('weighted');
  const [weights, setWeights] = useState<Weights>(() => Object.fromEntries(criterionOrder.map((c) => [c, Math.round(defaultWeights[c] * 100)])) as Weights);
  const [settled] = useDebouncedValue(weights, 300);
  const analysis = useQuoteAnalysis(projectId, rfqId, { method, weights: roundWeights(normaliseWeights(settled)) }, true);

  return (
    <Stack gap="md" data-testid="quote-analysis">
      <ProductWeightSliders method={method} weights={weights} onMethod={setMethod} onWeights={setWeights} />
      {analysis.isPending ? (
        <Group gap="xs" c="dimmed" role="status"><Loader size="xs" type="dots" /><Text size="sm">Ranking the quotes…</Text></Group>
      ) : analysis.isError ? (
        <QueryError error={analysis.error} title="Could not rank the quotes" onRetry={() => void analysis.refetch()} />
      ) : (
        <>
          <Group gap="xs" c="dimmed" mih={20} role="status" aria-live="polite">
            {analysis.isFetching && <><Loader size="xs" type="dots" /><Text size="xs">Updating the ranking…</Text></>}
            {!analysis.isFetching && (
              <Text size="xs">
                {analysis.data.summary.count} quote{analysis.data.summary.count === 1 ? '' : 's'} compared at {analysis.data.quantity.toLocaleString('en-US')} units
                {' '}({analysis.data.method === 'topsis' ? 'TOPSIS closeness to the ideal' : 'weighted sum of normalised criteria'}); average lead time {formatDays(Math.round(analysis.data.summary.averageLeadTimeDays))}.
              </Text>
            )}
          </Group>
          <Table.ScrollContainer minWidth={980}>
            <Table striped fz="sm" data-testid="analysis-table" aria-label="Ranked quotes">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Rank</Table.Th>
                  <Table.Th scope="col">Supplier</Table.Th>
                  <Table.Th scope="col" ta="right">Score</Table.Th>
                  <Table.Th scope="col" ta="right">Landed unit</Table.Th>
                  <Table.Th scope="col" ta="right">Total</Table.Th>
                  <Table.Th scope="col" ta="right">Lead time</Table.Th>
                  <Table.Th scope="col" miw={200}>Strengths</Table.Th>
                  <Table.Th scope="col" miw={200}>Concerns</Table.Th>
                  <Table.Th scope="col"><VisuallyHidden>Action</VisuallyHidden></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {analysis.data.ranked.map((q) => {
                  const chosen = order?.quoteId === q.quoteId;
                  const recommended = analysis.data.recommendation?.quoteId === q.quoteId;
                  return (
                    <Table.Tr key={q.quoteId} data-testid="analysis-row" data-rank={q.rank} data-quote-id={q.quoteId}>
                      <Table.Td fw={700}>{q.rank}</Table.Td>
                      <Table.Th scope="row" fw={500}>
                        {q.supplierName}
                        {recommended && <div><Badge mt={4} size="xs" color="green" variant="light">Recommended</Badge></div>}
                      </Table.Th>
                      <Table.Td ta="right">{formatScore(q.score)}</Table.Td>
                      <Table.Td ta="right">{formatMoney(q.landedUnitPrice, q.currency)}</Table.Td>
                      <Table.Td ta="right">{formatMoney(q.totalCost, q.currency)}</Table.Td>
                      <Table.Td ta="right">{formatDays(q.leadTimeDays)}</Table.Td>
                      <Table.Td><Points items={q.strengths} /></Table.Td>
                      <Table.Td><Points items={q.concerns} /></Table.Td>
                      <Table.Td>
                        {chosen ? (
                          <Badge color="green" leftSection={<IconCheck size={12} />} data-testid="supplier-chosen">Chosen</Badge>
                        ) : (
                          <Button
                            size="compact-sm" variant={recommended ? 'filled' : 'default'} data-testid="choose-supplier"
                            disabled={!canChoose || order !== null || (choosing !== null && choosing !== q.quoteId)} loading={choosing === q.quoteId}
                            onClick={() => onChoose(q.quoteId, q.supplierName)} aria-label={`Choose supplier ${q.supplierName}`}
                          >
                            Choose supplier
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {analysis.data.recommendation && (
            <Paper withBorder radius="md" p="md" data-testid="recommendation">
              <Title order={3} fz="sm" mb={4}>Recommendation: {analysis.data.recommendation.supplierName}</Title>
              <Text size="sm" className="message-content">{analysis.data.recommendation.rationale}</Text>
            </Paper>
          )}
          <section aria-labelledby="red-flags-heading" data-testid="red-flags">
            <Title order={3} fz="sm" id="red-flags-heading" mb={4}>Red flags</Title>
            {analysis.data.redFlags.length === 0 ? <Text size="sm" c="dimmed">None found.</Text> : (
              <Stack gap={6}>
                {analysis.data.redFlags.map((f, i) => (
                  <Alert key={`${f.quoteId}-${f.code}-${i}`} color={severityColors[f.severity]} variant="light" p="xs" icon={<IconInfo size={16} />} data-code={f.code}>
                    <Text size="sm"><strong>{f.supplierName}</strong> <Badge component="span" size="xs" color={severityColors[f.severity]} variant="outline">{f.severity}</Badge> {f.message}</Text>
                  </Alert>
                ))}
              </Stack>
            )}
          </section>
          <section aria-labelledby="negotiation-heading" data-testid="negotiation">
            <Title order={3} fz="sm" id="negotiation-heading" mb={4}>Negotiation opportunities</Title>
            {analysis.data.negotiation.length === 0 ? <Text size="sm" c="dimmed">None found.</Text> : (
              <List size="sm" spacing={4}>
                {analysis.data.negotiation.map((n, i) => {
                  const currency = analysis.data.ranked.find((r) => r.quoteId === n.quoteId)?.currency ?? 'USD';
                  return (
                    <List.Item key={`${n.quoteId}-${i}`}>
                      <strong>{n.supplierName}:</strong> {n.opportunity}
                      {n.potentialSavings !== undefined && <Text span size="sm" c="green"> (could save {formatMoney(n.potentialSavings, currency)})</Text>}
                    </List.Item>
                  );
                })}
              </List>
            )}
          </section>
        </>
      )}
    </Stack>
  );
}

function Points({ items }: { items: string[] }) {
  if (items.length === 0) return <Text size="xs" c="dimmed">—</Text>;
  return <ul className="product-points">{items.map((s) => <li key={s}>{s}</li>)}</ul>;
}
