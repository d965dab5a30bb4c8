import { Code } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../hooks/use-api.ts';
import { importQuotesCsv } from '../product-api.ts';
import { queryKeys } from '../query-keys.ts';
import { CsvImport } from './csv-import.tsx';

/** Imports suppliers' quotes from a CSV file; a refused file shows its missing columns and row errors. */
export function ProductQuotesImport({ projectId, rfqId }: { projectId: string; rfqId: string }) {
  const api = useApi();
  const client = useQueryClient();
  return (
    <CsvImport
      label="Import quotes from a CSV file" noun="quotes" testId="quotes-import"
      importText={(text) => importQuotesCsv(api, rfqId, text)}
      onImported={() => {
        void client.invalidateQueries({ queryKey: queryKeys.rfq(api.workspaceId, projectId, rfqId) });
        void client.invalidateQueries({ queryKey: queryKeys.rfqs(api.workspaceId, projectId) });
      }}
      help={<>
        The file is imported as soon as it is chosen. Columns: <Code fz="xs">supplier, lead_time_days, moq, price_&lt;quantity&gt;…</Code>; optional
        tooling, currency, certifications (separated by ;), payment_terms, valid_until, quality_rating, location, notes. A supplier that already quoted is replaced.
      </>}
    />
  );
}
