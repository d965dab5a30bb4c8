import { Code, ScrollArea, Text } from '@mantine/core';

/** A JSON value, pretty-printed read-only in a scrollable block; `emptyText` when there is none. */
export function WorkflowJsonBlock({ value, label, maxHeight = 360, emptyText = 'None' }: {
  value: unknown;
  /** Names the block for screen readers (and tests). */
  label: string;
  maxHeight?: number;
  emptyText?: string;
}) {
  if (value === undefined || value === null) return <Text size="sm" c="dimmed" aria-label={label}>{emptyText}</Text>;
  return (
    <ScrollArea.Autosize mah={maxHeight} type="auto" offsetScrollbars className="json-block">
      <Code block aria-label={label} role="region" tabIndex={0} className="json-block-code">{JSON.stringify(value, null, 2)}</Code>
    </ScrollArea.Autosize>
  );
}
