import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { FormError } from './form-error.tsx';
import { IconSend } from './icons.tsx';

/**
 * Writes a message: Enter sends, Shift+Enter starts a new line. The text stays when sending fails.
 */
export function MessageComposer({ onSend, sending, error }: { onSend: (content: string) => Promise<unknown>; sending: boolean; error: unknown }) {
  const [content, setContent] = useState('');

  const send = async () => {
    const text = content.trim();
    if (!text || sending) return;
    try {
      await onSend(text);
      setContent('');
    } catch {
      // The error is shown below; the draft stays.
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <form onSubmit={submit} aria-label="Send a message">
      <Stack gap={6}>
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <Textarea
            aria-label="Message" placeholder="Write a message…" autosize minRows={1} maxRows={8} style={{ flex: 1 }}
            value={content} onChange={(e) => setContent(e.currentTarget.value)} onKeyDown={onKeyDown} maxLength={100_000}
          />
          <Button type="submit" loading={sending} disabled={!content.trim()} rightSection={<IconSend size={16} />}>Send</Button>
        </Group>
        <Text size="xs" c="dimmed" visibleFrom="sm">Enter to send, Shift+Enter for a new line.</Text>
        <FormError error={error} title="The message was not sent" />
      </Stack>
    </form>
  );
}
