import { Accordion, Badge, Button, Group, List, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Project } from '../api-types.ts';
import { formatScore } from '../format/product-format.ts';
import { useApi } from '../hooks/use-api.ts';
import { useOrder, useQuotes } from '../hooks/use-product.ts';
import { placeOrder, rfqDownloadUrl } from '../product-api.ts';
import type { RfqFormat, RfqView, SupplierMatch } from '../product-api-types.ts';
import { rfqFormatLabels } from '../product-labels.ts';
import { queryKeys } from '../query-keys.ts';
import { FormError } from './form-error.tsx';
import { IconDownload } from './icons.tsx';
import { ProductMarkdown } from './product-markdown.tsx';
import { ProductOrder } from './product-order.tsx';
import { ProductQuoteAnalysis } from './product-quote-analysis.tsx';
import { ProductQuotesImport } from './product-quotes-import.tsx';
import { ProductQuotesTable } from './product-quotes-table.tsx';
import { QueryError } from './query-error.tsx';

const formats: RfqFormat[] = ['pdf', 'docx', 'md'];

/** One RFQ: its document (sections and downloads), matched suppliers, the quotes, their analysis and the order. */
export function ProductRfqDetail({ project, rfq }: { project: Project; rfq: RfqView }) {
  const api = useApi();
  const client = useQueryClient();
  const quotes = useQuotes(project.id, rfq.id);
  const order = useOrder(project.id, rfq.id);
  const canEdit = project.role !== 'viewer';

  const choose = useMutation({
    mutationFn: ({ quoteId }: { quoteId: string; supplierName: string }) => placeOrder(api, rfq.id, quoteId),
    onSuccess: (placed) => {
      client.setQueryData(queryKeys.order(api.workspaceId, project.id, rfq.id), placed);
      void client.invalidateQueries({ queryKey: queryKeys.rfqs(api.workspaceId, project.id) });
      notifications.show({ color: 'green', title: 'Order placed', message: `${placed.supplierName}: ${placed.milestones.length} milestones planned.` });
    },
    // An ORDER_EXISTS conflict means someone else ordered meanwhile: show that order.
    onError: () => void client.invalidateQueries({ queryKey: queryKeys.order(api.workspaceId, project.id, rfq.id) }),
  });

  return (
    <Stack gap="xl" data-testid="rfq-detail" data-rfq-id={rfq.id}>
      <Stack gap={6}>
        <Group justify="space-between" align="baseline" wrap="wrap">
          <Title order={2} fz="h3" data-testid="rfq-code">{rfq.code}</Title>
          <Badge color={rfq.status === 'awarded' ? 'green' : 'blue'} variant="light" data-testid="rfq-status">{rfq.status === 'awarded' ? 'Awarded' : 'Open'}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          Genome version {rfq.dpgVersion} · issued {rfq.issuedAt.slice(0, 10)} · responses by {rfq.responseDeadline.slice(0, 10)}
          {rfq.targetDelivery ? ` · delivery by ${rfq.targetDelivery.slice(0, 10)}` : ''} · tiers {rfq.quantityTiers.map((t) => t.toLocaleString('en-US')).join(' / ')}
        </Text>
        <Group gap="xs" role="group" aria-label="Download the RFQ">
          {formats.map((f) => (
            <Button
              key={f} component="a" href={rfqDownloadUrl(api.workspaceId, rfq.id, f)} download variant="default" size="xs"
              leftSection={<IconDownload size={14} />} data-testid={`rfq-download-${f}`} aria-label={`Download the RFQ as ${rfqFormatLabels[f]}`}
            >
              {rfqFormatLabels[f]}
            </Button>
          ))}
        </Group>
      </Stack>

      <section aria-labelledby="rfq-sections-heading" data-testid="rfq-sections">
        <Title order={3} fz="h5" id="rfq-sections-heading" mb="xs">Document ({rfq.sections.length} sections)</Title>
        <Accordion variant="contained" multiple defaultValue={rfq.sections.slice(0, 1).map((s) => s.id)}>
          {rfq.sections.map((s) => (
            <Accordion.Item key={s.id} value={s.id} data-testid="rfq-section">
              <Accordion.Control>{s.title}</Accordion.Control>
              <Accordion.Panel><ProductMarkdown markdown={s.markdown} headingOffset={4} /></Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </section>

      <section aria-labelledby="rfq-matches-heading" data-testid="supplier-matches">
        <Title order={3} fz="h5" id="rfq-matches-heading" mb="xs">Matched suppliers</Title>
        {rfq.matches.length === 0 ? (
          <Text size="sm" c="dimmed">No supplier in the workspace directory matched when this RFQ was issued. Import suppliers in the Supplier directory below; the next RFQ is matched against them.</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs" component="ul" className="product-plain-list">
            {rfq.matches.map((m) => <SupplierMatchItem key={m.supplierId} match={m} />)}
          </SimpleGrid>
        )}
      </section>

      <section aria-labelledby="rfq-quotes-heading">
        <Title order={3} fz="h5" id="rfq-quotes-heading" mb="xs">Quotes</Title>
        <Stack gap="md">
          {canEdit && order.data === null && (
            <Paper withBorder radius="md" p="md"><ProductQuotesImport projectId={project.id} rfqId={rfq.id} /></Paper>
          )}
          {quotes.isPending ? <Skeleton h={120} radius="md" /> : quotes.isError ? (
            <QueryError error={quotes.error} title="Could not load the quotes" onRetry={() => void quotes.refetch()} />
          ) : quotes.data.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="quotes-empty">No quotes yet. Import the suppliers' answers as a CSV file.</Text>
          ) : (
            <ProductQuotesTable quotes={quotes.data} />
          )}
        </Stack>
      </section>

      {quotes.data && quotes.data.length > 0 && (
        <section aria-labelledby="rfq-analysis-heading">
          <Title order={3} fz="h5" id="rfq-analysis-heading" mb="xs">Quote analysis</Title>
          <ProductQuoteAnalysis
            key={rfq.id} projectId={project.id} rfqId={rfq.id} order={order.data ?? null} canChoose={project.role === 'owner' && order.isSuccess}
            choosing={choose.isPending ? choose.variables.quoteId : null} onChoose={(quoteId, supplierName) => choose.mutate({ quoteId, supplierName })}
          />
          {project.role !== 'owner' && order.data === null && <Text size="xs" c="dimmed" mt="xs">Only project owners can choose the supplier.</Text>}
          <FormError error={choose.error} title="Could not place the order" />
        </section>
      )}

      {order.isError && <QueryError error={order.error} title="Could not load the order" onRetry={() => void order.refetch()} />}
      {order.data && <ProductOrder order={order.data} />}
    </Stack>
  );
}

function SupplierMatchItem({ match }: { match: SupplierMatch }) {
  return (
    <Paper component="li" withBorder radius="md" p="sm" data-testid="supplier-match" data-supplier-id={match.supplierId}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>{match.name}{match.country && <Text span size="xs" c="dimmed" fw={400}> · {match.country}</Text>}</Text>
        <Badge variant="light" title="How well the supplier fits, 0 to 1">Fit {formatScore(match.score)}</Badge>
      </Group>
      {match.reasons.length > 0 && (
        <List size="xs" spacing={2} mt={4} aria-label={`Why ${match.name} fits`}>{match.reasons.map((r) => <List.Item key={r}>{r}</List.Item>)}</List>
      )}
      {match.gaps.length > 0 && (
        <Text size="xs" c="orange" mt={4}>Gaps: {match.gaps.join('; ')}</Text>
      )}
    </Paper>
  );
}
