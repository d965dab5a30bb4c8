import { useEffect, useLayoutEffect, useRef } from 'react';

/**
 * Keeps the conversation scrolled to the newest message while the reader is at the bottom, and
 * keeps their place when older messages are added above.
 */
export function useStickyScroll(items: readonly { id: string }[]) {
  const viewport = useRef<HTMLDivElement>(null);
  const state = useRef({ first: undefined as string | undefined, last: undefined as string | undefined, height: 0, atBottom: true, force: false });
  const first = items[0]?.id;
  const last = items.at(-1)?.id;

  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const before = state.current;
    if (last !== before.last && (before.atBottom || before.force)) el.scrollTop = el.scrollHeight;
    else if (first !== before.first && last === before.last && before.height > 0) el.scrollTop += el.scrollHeight - before.height;
    state.current = { first, last, height: el.scrollHeight, atBottom: isAtBottom(el), force: false };
  }, [first, last]);

  // Content that grows after a message is in (suggested replies, a late layout) keeps a reader at the bottom there.
  useEffect(() => {
    const el = viewport.current;
    const content = el?.firstElementChild;
    if (!el || !content || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (state.current.atBottom && el.scrollHeight !== state.current.height) el.scrollTop = el.scrollHeight;
      state.current = { ...state.current, height: el.scrollHeight };
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, [first, last]);

  return {
    viewport,
    onScroll: () => {
      const el = viewport.current;
      if (el) state.current = { ...state.current, height: el.scrollHeight, atBottom: isAtBottom(el) };
    },
    stickToBottom: () => {
      state.current.force = true;
    },
  };
}

function isAtBottom(el: HTMLElement): boolean {
  return el.scrollHeight - el.scrollTop - el.clientHeight < 80;
}
