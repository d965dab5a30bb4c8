import { Badge, Code, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { formatDays, trimNumber } from '../format/product-format.ts';
import { useApi } from '../hooks/use-api.ts';
import { importSuppliersCsv, listSuppliers } from '../product-api.ts';
import type { Supplier } from '../product-api-types.ts';
import { categoryLabels } from '../product-labels.ts';
import { queryKeys } from '../query-keys.ts';
import { roleAtLeast } from '../roles.ts';
import { useWorkspace } from '../workspace-context.tsx';
import { CsvImport } from './csv-import.tsx';
import { QueryError } from './query-error.tsx';

/** The directory belongs to the workspace, not to a project. */
const suppliersKey = (workspaceId: string) => [...queryKeys.workspace(workspaceId), 'suppliers'] as const;

/** The workspace's supplier directory (what RFQs are matched against) and its CSV import (editors). */
export function ProductSuppliers() {
  const api = useApi();
  const { workspace } = useWorkspace();
  const suppliers = useQuery({
    queryKey: suppliersKey(api.workspaceId),
    queryFn: ({ signal }) => listSuppliers(api, signal),
    select: (data) => data.items,
  });
  const canEdit = roleAtLeast(workspace.role, 'editor');

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="suppliers-heading" data-testid="supplier-directory">
      <Title order={2} fz="h4" id="suppliers-heading" mb={4}>Supplier directory</Title>
      <Text size="sm" c="dimmed" mb="sm">
        The manufacturers of this workspace. A new RFQ is matched against them by category, processes, certifications, MOQ and lead time.
      </Text>
      <Stack gap="md">
        {canEdit && <SuppliersImport />}
        {suppliers.isPending ? <Skeleton h={96} radius="md" /> : suppliers.isError ? (
          <QueryError error={suppliers.error} title="Could not load the suppliers" onRetry={() => void suppliers.refetch()} />
        ) : suppliers.data.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="suppliers-empty">No suppliers yet.{canEdit ? ' Import them from a CSV file.' : ''}</Text>
        ) : (
          <SuppliersTable suppliers={suppliers.data} />
        )}
      </Stack>
    </Paper>
  );
}

function SuppliersImport() {
  const api = useApi();
  const client = useQueryClient();
  return (
    <CsvImport
      label="Import suppliers (CSV)" noun="suppliers" testId="suppliers-import"
      importText={(text) => importSuppliersCsv(api, text)}
      onImported={() => void client.invalidateQueries({ queryKey: suppliersKey(api.workspaceId) })}
      help={<>
        Columns: <Code fz="xs">name, country, categories, moq, lead_time_days, rating</Code>; optional city, capabilities and certifications
        (separated by ;) and contact_email. Country is a two-letter code (CN); a supplier already listed by name is updated.
      </>}
    />
  );
}

function SuppliersTable({ suppliers }: { suppliers: Supplier[] }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped fz="sm" aria-labelledby="suppliers-heading" data-testid="suppliers-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Supplier</Table.Th>
            <Table.Th scope="col">Country</Table.Th>
            <Table.Th scope="col">Categories</Table.Th>
            <Table.Th scope="col">Certifications</Table.Th>
            <Table.Th scope="col" ta="right">MOQ</Table.Th>
            <Table.Th scope="col" ta="right">Lead time</Table.Th>
            <Table.Th scope="col" ta="right">Rating</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {suppliers.map((s) => (
            <Table.Tr key={s.id} data-testid="supplier-row">
              <Table.Th scope="row" fw={500} className="product-spec-value">{s.name}</Table.Th>
              <Table.Td>{s.city ? `${s.city}, ${s.country}` : s.country}</Table.Td>
              <Table.Td>
                <Group gap={4}>{s.categories.map((c) => <Badge key={c} size="xs" variant="default">{categoryLabels[c] ?? c}</Badge>)}</Group>
              </Table.Td>
              <Table.Td>
                {s.certifications.length === 0 ? <Text size="xs" c="dimmed">None listed</Text> : (
                  <Group gap={4}>{s.certifications.map((c) => <Badge key={c} size="xs" variant="light">{c}</Badge>)}</Group>
                )}
              </Table.Td>
              <Table.Td ta="right" className="product-num">{s.moq.toLocaleString('en-US')}</Table.Td>
              <Table.Td ta="right" className="product-num">{formatDays(s.leadTimeDays)}</Table.Td>
              <Table.Td ta="right" className="product-num">{trimNumber(s.rating)} / 5</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
