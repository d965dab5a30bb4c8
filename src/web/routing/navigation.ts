import { useSyncExternalStore } from 'react';

const changeEvent = 'foundry:navigate';

/** Goes to a path of the app without reloading the page (History API). */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === currentPath()) return;
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new Event(changeEvent));
  window.scrollTo({ top: 0 });
}

function currentPath(): string {
  return location.pathname + location.search;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(changeEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(changeEvent, onChange);
  };
}

/** The current pathname; re-renders on navigation and on the browser's back and forward. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}
