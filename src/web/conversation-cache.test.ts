import { describe, expect, it } from 'vitest';
import type { Message } from './api-types.ts';
import { addMessage, flattenMessages } from './conversation-cache.ts';

function message(id: string, minute: number): Message {
  return {
    id, projectId: 'p', role: 'user', content: id, authorId: null, authorName: null, agent: null, metadata: {}, attachments: [],
    createdAt: new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString(),
  };
}

describe('conversation cache', () => {
  const data = {
    pageParams: [null, 'c1'],
    pages: [{ items: [message('c', 3), message('d', 4)], nextCursor: 'c1' }, { items: [message('a', 1), message('b', 2)], nextCursor: null }],
  };

  it('flattens pages oldest first', () => {
    expect(flattenMessages(data).map((m) => m.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('appends a new message to the newest page once', () => {
    const once = addMessage(data, message('e', 5));
    const twice = addMessage(once, message('e', 5));
    expect(flattenMessages(twice).map((m) => m.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(twice).toBe(once);
  });

  it('keeps chronological order when events arrive out of order', () => {
    const next = addMessage(addMessage(data, message('f', 6)), message('e', 5));
    expect(flattenMessages(next).map((m) => m.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('leaves a conversation that is not loaded alone', () => {
    expect(addMessage(undefined, message('x', 1))).toBeUndefined();
  });
});
