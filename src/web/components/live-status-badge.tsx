import { Badge, Tooltip } from '@mantine/core';
import type { LiveStatus } from '../hooks/use-project-events.ts';

const looks: Record<LiveStatus, { label: string; color: string; hint: string }> = {
  connecting: { label: 'Connecting', color: 'gray', hint: 'Connecting to live updates…' },
  live: { label: 'Live', color: 'green', hint: 'New messages and changes appear as they happen.' },
  reconnecting: { label: 'Reconnecting', color: 'yellow', hint: 'The live connection dropped; retrying. Nothing is lost.' },
  closed: { label: 'Offline', color: 'red', hint: 'Live updates stopped; reload the page to reconnect.' },
};

/** Whether the project's live event stream is connected. */
export function LiveStatusBadge({ status }: { status: LiveStatus }) {
  const look = looks[status];
  return (
    <Tooltip label={look.hint} withArrow>
      <Badge variant="dot" color={look.color} size="lg" role="status" aria-label={`Live updates: ${look.label}`} data-live-status={status} tabIndex={0}>
        {look.label}
      </Badge>
    </Tooltip>
  );
}
