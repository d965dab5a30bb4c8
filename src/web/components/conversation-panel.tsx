import { Box, Button, Center, Divider, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Message, Project } from '../api-types.ts';
import { addMessage, flattenMessages } from '../conversation-cache.ts';
import { useApi } from '../hooks/use-api.ts';
import { useMessages } from '../hooks/use-messages.ts';
import type { Typing } from '../hooks/use-project-events.ts';
import { useSession } from '../hooks/use-session.ts';
import { useStickyScroll } from '../hooks/use-sticky-scroll.ts';
import { queryKeys } from '../query-keys.ts';
import { IconChat, IconInfo } from './icons.tsx';
import { MessageComposer } from './message-composer.tsx';
import { MessageItem } from './message-item.tsx';
import { QueryError } from './query-error.tsx';

/** What posting answers: the message, and with studios that wait for their agent, its reply and the stage after it. */
interface Posted {
  message: Message;
  notice: string;
  reply?: Message | null;
  stage?: string | null;
}

/**
 * The project conversation: history a page at a time ("load older"), live additions, and the
 * composer. The server's notice after posting is shown as it is: no reply is invented.
 */
export function ConversationPanel({ project, markdown = false }: {
  project: Project;
  /** Agent replies are Markdown (the product studio's design partner writes lists and bold). */
  markdown?: boolean;
}) {
  const api = useApi();
  const client = useQueryClient();
  const userId = useSession().data?.user.id;
  const messages = useMessages(project.id);
  const items = flattenMessages(messages.data);
  const [notice, setNotice] = useState<string | null>(null);
  const { viewport, onScroll, stickToBottom } = useStickyScroll(items);
  // Set by the project's event stream; never fetched.
  const typing = useQuery<Typing | null>({ queryKey: queryKeys.typing(api.workspaceId, project.id), queryFn: () => null, enabled: false }).data;

  const post = useMutation({
    mutationFn: (content: string) => api.post<Posted>(`/api/projects/${encodeURIComponent(project.id)}/messages`, { content }),
    onSuccess: ({ message, notice: text, reply, stage }) => {
      stickToBottom();
      const key = queryKeys.messages(api.workspaceId, project.id);
      client.setQueryData(key, (data: Parameters<typeof addMessage>[0]) => addMessage(data, message));
      // Studios with their own agent answer within the request: the reply is here, whatever the event stream brings.
      if (reply) client.setQueryData(key, (data: Parameters<typeof addMessage>[0]) => addMessage(data, reply));
      if (reply && stage !== project.stage) void client.invalidateQueries({ queryKey: queryKeys.project(api.workspaceId, project.id), exact: true });
      setNotice(reply ? null : text || null);
    },
  });
  const canPost = project.role !== 'viewer';
  const last = items.at(-1);
  const offerReplies = canPost && !post.isPending && last?.role === 'assistant' ? (text: string) => void post.mutateAsync(text) : undefined;

  return (
    <Stack gap="sm">
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        <Box
          ref={viewport} onScroll={onScroll} role="log" aria-label="Conversation" tabIndex={0}
          p={{ base: 'sm', sm: 'md' }} mih={220} mah="min(62dvh, 680px)" style={{ overflowY: 'auto' }}
        >
          {messages.isPending ? (
            <Center mih={180}><Loader type="dots" aria-label="Loading messages" /></Center>
          ) : messages.isError ? (
            <QueryError error={messages.error} title="Could not load the conversation" onRetry={() => void messages.refetch()} />
          ) : (
            <Stack gap="lg">
              {messages.hasNextPage && (
                <Center>
                  <Button variant="subtle" size="xs" onClick={() => void messages.fetchNextPage()} loading={messages.isFetchingNextPage}>
                    Load older messages
                  </Button>
                </Center>
              )}
              {items.length === 0 ? (
                <Stack align="center" gap={6} py="xl" c="dimmed">
                  <IconChat size={28} />
                  <Text size="sm" ta="center">No messages yet. Describe what you want to make; the whole team will see it here.</Text>
                </Stack>
              ) : (
                items.map((m) => <MessageItem key={m.id} message={m} mine={m.authorId === userId} markdown={markdown} onPickReply={m === last ? offerReplies : undefined} />)
              )}
              {typing && (
                <Group gap="xs" c="dimmed" role="status" aria-live="polite" data-testid="agent-typing">
                  <Loader type="dots" size="xs" />
                  <Text size="sm">{typing.agent === 'assistant' ? 'The assistant' : typing.agent} is replying…</Text>
                </Group>
              )}
            </Stack>
          )}
        </Box>
        <Divider />
        <Box p={{ base: 'sm', sm: 'md' }} bg="var(--mantine-color-default-hover)">
          {canPost
            ? <MessageComposer onSend={(content) => post.mutateAsync(content)} sending={post.isPending} error={post.error} />
            : <Text size="sm" c="dimmed">You have view access: you can read this conversation but not post to it.</Text>}
        </Box>
      </Paper>
      <Group gap={6} wrap="nowrap" align="flex-start" c="dimmed" role="status" aria-live="polite" mih={20}>
        {notice && (
          <>
            <IconInfo size={16} style={{ flexShrink: 0, marginTop: 2 }} />
            <Text size="sm" data-testid="message-notice">{notice}</Text>
          </>
        )}
      </Group>
    </Stack>
  );
}
