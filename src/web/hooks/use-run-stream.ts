import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Items, RunEvent } from '../api-types.ts';
import { runEventNames } from '../format/describe-run-event.ts';
import { lastSeq, mergeRunEvents } from '../format/merge-run-events.ts';
import { queryKeys } from '../query-keys.ts';
import type { LiveStatus } from './use-project-events.ts';

/** The stream's state; `ended` once the run completed and the server closed it. */
export type RunStreamStatus = LiveStatus | 'ended';

/**
 * Follows a run live: `GET /api/runs/:id/stream` (session cookie, `?workspace=`; the browser's
 * EventSource reconnects by itself and sends `Last-Event-ID`). Each event is added to the
 * timeline cache and refetches the run; after a reconnect both are refetched so nothing is
 * missed. The stream is closed on `run.completed`, so the browser does not reopen it, and is not
 * opened at all while `enabled` is false (a finished run).
 */
export function useRunStream(workspaceId: string, runId: string, enabled: boolean): RunStreamStatus {
  const client = useQueryClient();
  const [status, setStatus] = useState<RunStreamStatus>(enabled ? 'connecting' : 'ended');

  useEffect(() => {
    const eventsKey = queryKeys.runEvents(workspaceId, runId);
    const runKey = queryKeys.run(workspaceId, runId);
    if (!enabled) {
      // The run may have finished before its last events arrived here.
      void client.invalidateQueries({ queryKey: eventsKey, exact: true });
      setStatus('ended');
      return;
    }
    const after = lastSeq(client.getQueryData<Items<RunEvent>>(eventsKey)?.items);
    const query = new URLSearchParams({ workspace: workspaceId, after: String(after) });
    const source = new EventSource(`/api/runs/${encodeURIComponent(runId)}/stream?${query}`, { withCredentials: true });
    let connectedBefore = false;
    setStatus('connecting');

    source.onopen = () => {
      if (connectedBefore) {
        void client.invalidateQueries({ queryKey: runKey, exact: true });
        void client.invalidateQueries({ queryKey: eventsKey, exact: true });
      }
      connectedBefore = true;
      setStatus('live');
    };
    const onEvent = (message: Event) => {
      const event = parseEvent(message);
      if (!event) return;
      client.setQueryData<Items<RunEvent>>(eventsKey, (data) => ({ items: mergeRunEvents(data?.items, [event]) }));
      void client.invalidateQueries({ queryKey: runKey, exact: true });
      if (event.type === 'run.completed') {
        source.close();
        setStatus('ended');
        void client.invalidateQueries({ queryKey: queryKeys.runs(workspaceId) });
      }
    };
    for (const name of runEventNames) source.addEventListener(name, onEvent);
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) setStatus((current) => (current === 'ended' ? current : 'closed'));
      else setStatus('reconnecting');
    };
    return () => source.close();
  }, [client, workspaceId, runId, enabled]);

  return status;
}

function parseEvent(message: Event): RunEvent | undefined {
  try {
    const event = JSON.parse((message as MessageEvent<string>).data) as RunEvent;
    return typeof event.seq === 'number' && typeof event.type === 'string' ? event : undefined;
  } catch {
    return undefined;
  }
}
