import { Anchor, Badge, Group, List, Text, Tooltip } from '@mantine/core';
import type { Message } from '../api-types.ts';

interface Engine {
  provider: string;
  model: string;
  fellBack: boolean;
  cached: boolean;
}

interface Citation {
  sourceId: string;
  sourceName: string;
  page?: number;
  sheet?: string;
  heading?: string;
}

function engineOf(message: Message): Engine | undefined {
  const engine = message.metadata.engine as Partial<Engine> | undefined;
  return engine && typeof engine.provider === 'string' && typeof engine.model === 'string'
    ? { provider: engine.provider, model: engine.model, fellBack: engine.fellBack === true, cached: engine.cached === true }
    : undefined;
}

function citationsOf(message: Message): Citation[] {
  const list = message.metadata.citations;
  return Array.isArray(list) ? list.filter((c): c is Citation => typeof c === 'object' && c !== null && typeof (c as Citation).sourceName === 'string') : [];
}

function where(citation: Citation): string {
  return [citation.page !== undefined ? `page ${citation.page}` : '', citation.sheet ? `sheet ${citation.sheet}` : '', citation.heading ?? '']
    .filter(Boolean).join(', ');
}

/** Which engine wrote an agent's reply: the built-in one, a provider, or the built-in one standing in for a failed provider. */
export function EngineBadge({ message }: { message: Message }) {
  const engine = engineOf(message);
  if (!engine) return null;
  const label = engine.provider === 'builtin' ? 'Built-in engine' : `${engine.provider} · ${engine.model}`;
  const tip = engine.fellBack
    ? 'The configured model provider failed, so the built-in engine answered.'
    : engine.provider === 'builtin' ? 'Answered offline by Foundry\'s built-in engine.' : `Answered by ${engine.model} (${engine.provider}).`;
  const confidence = typeof message.metadata.confidence === 'number' ? Math.round(message.metadata.confidence * 100) : undefined;
  const intent = typeof message.metadata.intent === 'string' ? message.metadata.intent.replaceAll('_', ' ') : undefined;
  return (
    <Group gap={6}>
      <Tooltip label={tip} withArrow>
        <Badge size="xs" variant="outline" color={engine.fellBack ? 'orange' : 'gray'} style={{ textTransform: 'none' }} data-testid="engine-badge">
          {label}{engine.fellBack ? ' (fallback)' : ''}{engine.cached ? ' · cached' : ''}
        </Badge>
      </Tooltip>
      {intent && <Text size="xs" c="dimmed">{intent}{confidence !== undefined ? ` · ${confidence}%` : ''}</Text>}
    </Group>
  );
}

/** The sources a reply rests on, numbered as the reply refers to them. */
export function MessageCitations({ message }: { message: Message }) {
  const citations = citationsOf(message);
  if (citations.length === 0) return null;
  return (
    <List size="xs" type="ordered" mt={4} c="dimmed" aria-label="Sources">
      {citations.map((c, i) => (
        <List.Item key={`${c.sourceId}-${i}`}>
          <Anchor size="xs" href={`#knowledge-${c.sourceId}`}>{c.sourceName}</Anchor>{where(c) ? ` (${where(c)})` : ''}
        </List.Item>
      ))}
    </List>
  );
}

/** Proactive next steps offered with the latest reply; choosing one sends it. */
export function SuggestedReplies({ message, onPick, disabled }: { message: Message; onPick: (text: string) => void; disabled: boolean }) {
  const replies = Array.isArray(message.metadata.suggestedReplies) ? message.metadata.suggestedReplies.filter((r): r is string => typeof r === 'string') : [];
  if (replies.length === 0) return null;
  return (
    <Group gap={6} mt={6} role="group" aria-label="Suggested replies">
      {replies.map((text) => (
        <Badge key={text} component="button" type="button" variant="light" color="indigo" size="md" disabled={disabled}
          style={{ textTransform: 'none', cursor: disabled ? 'default' : 'pointer', border: 0 }} onClick={() => onPick(text)}>
          {text}
        </Badge>
      ))}
    </Group>
  );
}
