import { Badge, Group } from '@mantine/core';
import type { Citation } from '../api-types.ts';

/** Where a passage comes from: the source, and the page, sheet or section inside it. */
export function KnowledgeCitation({ citation }: { citation: Citation }) {
  return (
    <Group gap={6} wrap="wrap" aria-label="Source">
      <Badge variant="light" color="gray" tt="none" maw="100%">{citation.sourceName}</Badge>
      {citation.page !== undefined && <Badge variant="outline" color="gray" tt="none">page {citation.page}</Badge>}
      {citation.sheet !== undefined && <Badge variant="outline" color="gray" tt="none">sheet {citation.sheet}</Badge>}
      {citation.heading && <Badge variant="outline" color="gray" tt="none" maw="100%">§ {citation.heading}</Badge>}
    </Group>
  );
}
