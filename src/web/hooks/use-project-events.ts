import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Items, KnowledgeSource, Message } from '../api-types.ts';
import { addMessage, flattenMessages } from '../conversation-cache.ts';
import { removeSource, upsertSource } from '../knowledge-cache.ts';
import { queryKeys } from '../query-keys.ts';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'closed';

/** An agent is writing the reply to a message. */
export interface Typing {
  replyTo: string;
  agent: string;
}

/**
 * Listens to a project's server-sent events and folds them into the query cache: new messages are
 * appended, other changes refetch what they touch. After a reconnect the conversation is refetched
 * so nothing said meanwhile is missed.
 */
export function useProjectEvents(workspaceId: string, projectId: string): LiveStatus {
  const client = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    const url = `/api/projects/${encodeURIComponent(projectId)}/events?workspace=${encodeURIComponent(workspaceId)}`;
    const source = new EventSource(url, { withCredentials: true });
    let connectedBefore = false;
    setStatus('connecting');

    source.addEventListener('ready', () => {
      if (connectedBefore) {
        void client.invalidateQueries({ queryKey: queryKeys.messages(workspaceId, projectId) });
        void client.invalidateQueries({ queryKey: queryKeys.knowledge(workspaceId, projectId) });
      }
      connectedBefore = true;
      setStatus('live');
    });
    source.addEventListener('message.created', (event) => {
      const message = parseData<{ message?: Message }>(event)?.message;
      if (!message) {
        // Too large for the event bus, which then sends only a summary: read the conversation again.
        void client.invalidateQueries({ queryKey: queryKeys.messages(workspaceId, projectId) }).then(() => {
          const answered = new Set(flattenMessages(client.getQueryData(queryKeys.messages(workspaceId, projectId))).map((m) => m.metadata.replyTo));
          client.setQueryData(queryKeys.typing(workspaceId, projectId), (typing: Typing | null | undefined) => (typing && answered.has(typing.replyTo) ? null : typing ?? null));
        });
        return;
      }
      client.setQueryData(queryKeys.messages(workspaceId, projectId), (data: Parameters<typeof addMessage>[0]) => addMessage(data, message));
      const replied = message.metadata.replyTo;
      if (typeof replied === 'string') {
        client.setQueryData(queryKeys.typing(workspaceId, projectId), (typing: Typing | null | undefined) => (typing?.replyTo === replied ? null : typing ?? null));
      }
    });
    source.addEventListener('message.typing', (event) => {
      const typing = parseData<Typing>(event);
      if (typing) client.setQueryData(queryKeys.typing(workspaceId, projectId), { replyTo: typing.replyTo, agent: typing.agent });
    });
    source.addEventListener('project.updated', () => {
      void client.invalidateQueries({ queryKey: queryKeys.project(workspaceId, projectId), exact: true });
      void client.invalidateQueries({ queryKey: queryKeys.projects(workspaceId) });
    });
    source.addEventListener('artifact.created', () => {
      void client.invalidateQueries({ queryKey: queryKeys.artifacts(workspaceId, projectId) });
    });
    source.addEventListener('knowledge.source.updated', (event) => {
      const updated = parseData<{ source?: KnowledgeSource }>(event)?.source;
      if (!updated) return;
      client.setQueryData(queryKeys.knowledge(workspaceId, projectId), (data: Items<KnowledgeSource> | undefined) => upsertSource(data, updated));
      if (updated.status === 'ready') void client.invalidateQueries({ queryKey: queryKeys.knowledgeSearches(workspaceId, projectId) });
    });
    source.addEventListener('knowledge.source.deleted', (event) => {
      const sourceId = parseData<{ sourceId?: string }>(event)?.sourceId;
      if (sourceId) client.setQueryData(queryKeys.knowledge(workspaceId, projectId), (data: Items<KnowledgeSource> | undefined) => removeSource(data, sourceId));
      void client.invalidateQueries({ queryKey: queryKeys.knowledgeSearches(workspaceId, projectId) });
    });
    for (const type of ['dpg.updated', 'rfq.created', 'quotes.added', 'order.placed']) {
      source.addEventListener(type, () => {
        void client.invalidateQueries({ queryKey: queryKeys.product(workspaceId, projectId) });
        void client.invalidateQueries({ queryKey: queryKeys.project(workspaceId, projectId), exact: true });
      });
    }
    source.addEventListener('member.changed', () => {
      void client.invalidateQueries({ queryKey: queryKeys.projectMembers(workspaceId, projectId) });
    });
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');

    return () => source.close();
  }, [client, workspaceId, projectId]);

  return status;
}

function parseData<T>(event: Event): T | undefined {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as T;
  } catch {
    return undefined;
  }
}
