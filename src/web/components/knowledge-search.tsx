import { Button, Group, Highlight, Paper, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useKnowledgeSearch } from '../hooks/use-knowledge.ts';
import { IconSearch } from './icons.tsx';
import { KnowledgeCitation } from './knowledge-citation.tsx';
import { QueryError } from './query-error.tsx';

/** The words of a query worth highlighting (operators and very short words left out). */
const highlightTerms = (query: string) => query.replace(/["()]/g, ' ').split(/\s+/).filter((w) => w.length > 2 && !w.startsWith('-') && w.toLowerCase() !== 'or');

/** Searches the project's knowledge and shows the passages found with where each comes from. */
export function KnowledgeSearch({ projectId }: { projectId: string }) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const results = useKnowledgeSearch(projectId, query);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery(text.trim());
  };
  return (
    <Stack gap="sm">
      <form onSubmit={submit} role="search" aria-label="Search the knowledge">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label="Search" placeholder='battery warranty, "lead time", pricing -draft' value={text} onChange={(e) => setText(e.currentTarget.value)}
            leftSection={<IconSearch size={16} />} style={{ flex: '1 1 280px' }} miw={0}
            description='Finds words in any form (price, prices, priced); quote a phrase for exact wording; -word leaves it out.'
          />
          <Button type="submit" disabled={!text.trim()} loading={results.isFetching}>Search</Button>
        </Group>
      </form>
      {query === '' ? null : results.isPending ? (
        <Stack gap="sm">{[0, 1].map((i) => <Skeleton key={i} h={80} radius="md" />)}</Stack>
      ) : results.isError ? (
        <QueryError error={results.error} title="The search failed" onRetry={() => void results.refetch()} />
      ) : results.data.length === 0 ? (
        <Text size="sm" c="dimmed" role="status">Nothing in the knowledge matches “{query}”.</Text>
      ) : (
        <Stack gap="sm" component="ol" aria-label="Search results" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {results.data.map((passage) => (
            <Paper key={passage.citation.chunkId} withBorder radius="md" p="sm" component="li">
              <Stack gap={6}>
                <KnowledgeCitation citation={passage.citation} />
                <Highlight highlight={highlightTerms(query)} size="sm" lineClamp={6} className="message-content">{passage.text}</Highlight>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
