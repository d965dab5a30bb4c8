import { Avatar, Badge, Group, Stack, Text } from '@mantine/core';
import type { Message } from '../api-types.ts';
import { initials } from '../format/initials.ts';
import { IconFile } from './icons.tsx';
import { EngineBadge, MessageCitations, SuggestedReplies } from './message-details.tsx';
import { ProductMarkdown } from './product-markdown.tsx';
import { RelativeTime } from './relative-time.tsx';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function author(message: Message): { name: string; color: string } {
  // Agent ids are slugs: "design-partner" reads "Design partner".
  if (message.role === 'assistant') return { name: capitalised((message.agent ?? 'assistant').replace(/[-_]+/g, ' ')), color: 'teal' };
  if (message.role === 'system') return { name: 'Foundry', color: 'gray' };
  return { name: message.authorName ?? 'Someone', color: 'indigo' };
}

const kindOf = { user: 'message', assistant: 'reply', system: 'notice' } as const;

/** One message of a project conversation. */
export function MessageItem({ message, mine, markdown = false, onPickReply }: {
  message: Message;
  mine: boolean;
  /** Show an agent's reply as Markdown (lists, bold) rather than as plain text. */
  markdown?: boolean;
  /** Given for the latest agent reply only: its suggested replies are then offered. */
  onPickReply?: ((text: string) => void) | undefined;
}) {
  const { name, color } = author(message);
  return (
    <Group component="article" align="flex-start" gap="sm" wrap="nowrap" aria-label={`${name}, ${kindOf[message.role]}`} data-message-id={message.id}>
      <Avatar color={color} radius="xl" size={36} aria-hidden="true">{initials(name)}</Avatar>
      <Stack gap={2} miw={0} style={{ flex: 1 }}>
        <Group gap={8} wrap="wrap">
          <Text size="sm" fw={600}>{name}{mine && <Text span size="xs" c="dimmed" fw={400}> (you)</Text>}</Text>
          {message.role === 'assistant' && <Badge size="xs" variant="light" color="teal">Agent</Badge>}
          {message.role === 'system' && <Badge size="xs" variant="light" color="gray">System</Badge>}
          <Text size="xs" c="dimmed"><RelativeTime iso={message.createdAt} /></Text>
        </Group>
        {markdown && message.role === 'assistant'
          ? <div data-testid="message-body"><ProductMarkdown markdown={message.content} headingOffset={4} breaks /></div>
          : <Text size="sm" className="message-content" data-testid="message-body">{message.content}</Text>}
        {message.role === 'assistant' && <MessageCitations message={message} />}
        {message.role === 'assistant' && <EngineBadge message={message} />}
        {onPickReply && <SuggestedReplies message={message} onPick={onPickReply} disabled={false} />}
        {message.attachments.length > 0 && (
          <Group gap={6} mt={4}>
            <Badge variant="outline" color="gray" leftSection={<IconFile size={12} />} style={{ textTransform: 'none' }}>
              {message.attachments.length === 1 ? '1 attachment' : `${message.attachments.length} attachments`}
            </Badge>
          </Group>
        )}
      </Stack>
    </Group>
  );
}
