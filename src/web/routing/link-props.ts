import type { MouseEvent } from 'react';
import { navigate } from './navigation.ts';

/**
 * Props that make any anchor-rendering component an in-app link: a real `href` (open in a new tab,
 * copy the address) and a plain click that navigates without reloading.
 *
 * @example <Anchor {...linkProps('/projects/new')}>New project</Anchor>
 */
export function linkProps(href: string): { href: string; onClick: (event: MouseEvent<HTMLElement>) => void } {
  return {
    href,
    onClick: (event) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigate(href);
    },
  };
}
