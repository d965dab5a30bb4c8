import type { InfiniteData } from '@tanstack/react-query';
import type { Message, Page } from './api-types.ts';

type MessagePages = InfiniteData<Page<Message>>;

/** Adds a message to the newest page of a cached conversation, once (live events and our own posts meet here). */
export function addMessage(data: MessagePages | undefined, message: Message): MessagePages | undefined {
  if (!data) return data;
  if (data.pages.some((page) => page.items.some((m) => m.id === message.id))) return data;
  const [newest, ...older] = data.pages;
  if (!newest) return { ...data, pages: [{ items: [message], nextCursor: null }] };
  const items = [...newest.items, message].sort(byCreatedAt);
  return { ...data, pages: [{ ...newest, items }, ...older] };
}

/** All cached messages, oldest first. */
export function flattenMessages(data: MessagePages | undefined): Message[] {
  if (!data) return [];
  return data.pages.toReversed().flatMap((page) => page.items);
}

function byCreatedAt(a: Message, b: Message): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}
