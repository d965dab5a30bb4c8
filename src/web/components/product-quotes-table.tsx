import { Badge, Group, Table, Text } from '@mantine/core';
import { formatDays, formatMoney } from '../format/product-format.ts';
import type { StoredQuote } from '../product-api-types.ts';

/** The quotes received for an RFQ: price per tier, tooling, MOQ, lead time, certifications and terms. */
export function ProductQuotesTable({ quotes }: { quotes: StoredQuote[] }) {
  const tiers = [...new Set(quotes.flatMap((q) => q.tiers.map((t) => t.quantity)))].toSorted((a, b) => a - b);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover fz="sm" data-testid="quotes-table" aria-label="Quotes received">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Supplier</Table.Th>
            {tiers.map((t) => <Table.Th key={t} scope="col" ta="right">Unit @ {t.toLocaleString('en-US')}</Table.Th>)}
            <Table.Th scope="col" ta="right">Tooling</Table.Th>
            <Table.Th scope="col" ta="right">MOQ</Table.Th>
            <Table.Th scope="col" ta="right">Lead time</Table.Th>
            <Table.Th scope="col">Certifications</Table.Th>
            <Table.Th scope="col">Terms</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {quotes.map((q) => (
            <Table.Tr key={q.id} data-testid="quote-row" data-quote-id={q.id}>
              <Table.Th scope="row" fw={500}>
                {q.supplierName}
                {(q.location || q.qualityRating !== undefined) && (
                  <Text size="xs" c="dimmed" fw={400}>{[q.location, q.qualityRating !== undefined && `quality ${q.qualityRating}/5`].filter(Boolean).join(' · ')}</Text>
                )}
              </Table.Th>
              {tiers.map((t) => {
                const tier = q.tiers.find((x) => x.quantity === t);
                return <Table.Td key={t} ta="right">{tier ? formatMoney(tier.unitPrice, q.currency) : '—'}</Table.Td>;
              })}
              <Table.Td ta="right">{q.toolingCost ? formatMoney(q.toolingCost, q.currency) : '—'}</Table.Td>
              <Table.Td ta="right">{q.moq.toLocaleString('en-US')}</Table.Td>
              <Table.Td ta="right">{formatDays(q.leadTimeDays)}</Table.Td>
              <Table.Td>
                {q.certifications.length === 0 ? <Text size="xs" c="dimmed">None listed</Text> : (
                  <Group gap={4}>{q.certifications.map((c) => <Badge key={c} size="xs" variant="light">{c}</Badge>)}</Group>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="xs">{q.paymentTerms || '—'}</Text>
                {q.validUntil && <Text size="xs" c="dimmed">Valid until {q.validUntil}</Text>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
