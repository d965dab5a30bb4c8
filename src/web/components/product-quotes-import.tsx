import { Alert, Code, Group, List, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ChangeEvent } from 'react';
import { ApiError, errorMessage } from '../api-error.ts';
import { describeCsvProblems } from '../format/quotes-csv-error.ts';
import { useApi } from '../hooks/use-api.ts';
import { importQuotesCsv } from '../product-api.ts';
import { queryKeys } from '../query-keys.ts';
import { IconInfo } from './icons.tsx';

/** The server's limit for a CSV body (quotes and suppliers alike). */
export const maxCsvBytes = 2 * 1024 * 1024;

/** Imports suppliers' quotes from a CSV file; a refused file shows its missing columns and row errors. */
export function ProductQuotesImport({ projectId, rfqId }: { projectId: string; rfqId: string }) {
  const api = useApi();
  const client = useQueryClient();
  const inputId = useId();
  const helpId = useId();
  const [imported, setImported] = useState<{ count: number; file: string } | null>(null);

  const upload = useMutation({
    mutationFn: async (chosen: File) => {
      if (chosen.size > maxCsvBytes) throw new ApiError({ status: 413, code: 'FILE_TOO_LARGE', message: 'The file is larger than 2 MB; split it and import the parts.' });
      return importQuotesCsv(api, rfqId, await chosen.text());
    },
    onMutate: () => setImported(null),
    onSuccess: ({ items }, chosen) => {
      setImported({ count: items.length, file: chosen.name });
      void client.invalidateQueries({ queryKey: queryKeys.rfq(api.workspaceId, projectId, rfqId) });
      void client.invalidateQueries({ queryKey: queryKeys.rfqs(api.workspaceId, projectId) });
    },
  });
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) imports it again.
    event.currentTarget.value = '';
    if (file) upload.mutate(file);
  };

  return (
    <Stack gap="xs" data-testid="quotes-import-panel">
      <label htmlFor={inputId} className="product-file-label">Import quotes from a CSV file</label>
      <Group gap="sm" align="center" wrap="wrap">
        <input
          id={inputId} type="file" accept=".csv,text/csv" aria-describedby={helpId} className="product-file-input"
          data-testid="quotes-import" onChange={choose} disabled={upload.isPending}
        />
        {upload.isPending && <Group gap={6} c="dimmed" role="status"><Loader size="xs" type="dots" /><Text size="sm">Importing…</Text></Group>}
      </Group>
      <Text id={helpId} size="xs" c="dimmed">
        The file is imported as soon as it is chosen. Columns: <Code fz="xs">supplier, lead_time_days, moq, price_&lt;quantity&gt;…</Code>; optional
        tooling, currency, certifications (separated by ;), payment_terms, valid_until, quality_rating, location, notes. A supplier that already quoted is replaced.
      </Text>
      {imported && (
        <Text size="sm" c="green" role="status" data-testid="quotes-import-done">
          Imported {imported.count} quote{imported.count === 1 ? '' : 's'} from {imported.file}.
        </Text>
      )}
      {upload.error && <CsvImportError error={upload.error} title="The quotes were not imported" testId="quotes-import" />}
    </Stack>
  );
}

/** Why a CSV import was refused: the message, and for a *_CSV_INVALID error its missing columns and row errors (test ids `<testId>-error|-missing|-rows`). */
export function CsvImportError({ error, title, testId }: { error: unknown; title: string; testId: string }) {
  const csv = error instanceof ApiError && error.code.endsWith('_CSV_INVALID') ? describeCsvProblems(error.details) : null;
  return (
    <Alert color="red" variant="light" icon={<IconInfo />} title={title} role="alert" data-testid={`${testId}-error`}>
      <Stack gap="xs">
        <Text size="sm">{errorMessage(error)}</Text>
        {csv && csv.missingColumns.length > 0 && (
          <div data-testid={`${testId}-missing`}>
            <Text size="sm" fw={600}>Missing columns</Text>
            <Group gap={6}>{csv.missingColumns.map((c) => <Code key={c}>{c}</Code>)}</Group>
          </div>
        )}
        {csv && csv.rows.length > 0 && (
          <div data-testid={`${testId}-rows`}>
            <Text size="sm" fw={600}>Rows with errors</Text>
            <List size="sm" spacing={2}>
              {csv.rows.slice(0, 50).map((r, i) => (
                <List.Item key={i}>
                  {r.row !== null && <strong>Row {r.row}: </strong>}
                  {r.column && <Code>{r.column}</Code>} {r.message}
                </List.Item>
              ))}
            </List>
            {csv.rows.length > 50 && <Text size="xs" c="dimmed">…and {csv.rows.length - 50} more.</Text>}
          </div>
        )}
        {csv?.other.map((o) => <Text key={o} size="sm">{o}</Text>)}
      </Stack>
    </Alert>
  );
}
