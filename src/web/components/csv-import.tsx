import { Alert, Code, Group, List, Loader, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type ChangeEvent, type ReactNode } from 'react';
import { ApiError, errorMessage } from '../api-error.ts';
import { describeCsvProblems } from '../format/quotes-csv-error.ts';
import { IconInfo } from './icons.tsx';

/** The server's limit for a CSV body (quotes and suppliers alike). */
export const maxCsvBytes = 2 * 1024 * 1024;

/**
 * A CSV file input that imports the file as soon as it is chosen, shows how many rows went in, and
 * for a refused file its missing columns and row errors (test ids `<testId>`, `-done`, `-error`).
 */
export function CsvImport({ label, noun, testId, help, importText, onImported }: {
  label: string;
  /** What the rows are, plural: "quotes", "suppliers". */
  noun: string;
  testId: string;
  help: ReactNode;
  importText: (text: string) => Promise<{ items: unknown[] }>;
  onImported: () => void;
}) {
  const inputId = useId();
  const helpId = useId();
  const [imported, setImported] = useState<{ count: number; file: string } | null>(null);
  const upload = useMutation({
    mutationFn: async (chosen: File) => {
      if (chosen.size > maxCsvBytes) throw new ApiError({ status: 413, code: 'FILE_TOO_LARGE', message: 'The file is larger than 2 MB; split it and import the parts.' });
      return importText(await chosen.text());
    },
    onMutate: () => setImported(null),
    onSuccess: ({ items }, chosen) => {
      setImported({ count: items.length, file: chosen.name });
      onImported();
    },
  });
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) imports it again.
    event.currentTarget.value = '';
    if (file) upload.mutate(file);
  };
  const singular = noun.replace(/s$/, '');

  return (
    <Stack gap="xs" data-testid={`${testId}-panel`}>
      <label htmlFor={inputId} className="product-file-label">{label}</label>
      <Group gap="sm" align="center" wrap="wrap">
        <input
          id={inputId} type="file" accept=".csv,text/csv" aria-describedby={helpId} className="product-file-input"
          data-testid={testId} onChange={choose} disabled={upload.isPending}
        />
        {upload.isPending && <Group gap={6} c="dimmed" role="status"><Loader size="xs" type="dots" /><Text size="sm">Importing…</Text></Group>}
      </Group>
      <Text id={helpId} size="xs" c="dimmed">{help}</Text>
      {imported && (
        <Text size="sm" c="green" role="status" data-testid={`${testId}-done`}>
          Imported {imported.count} {imported.count === 1 ? singular : noun} from {imported.file}.
        </Text>
      )}
      {upload.error && <CsvImportError error={upload.error} title={`The ${noun} were not imported`} testId={testId} />}
    </Stack>
  );
}

/** Why a CSV import was refused: the message, and for a *_CSV_INVALID error its missing columns and row errors (test ids `<testId>-error|-missing|-rows`). */
function CsvImportError({ error, title, testId }: { error: unknown; title: string; testId: string }) {
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
