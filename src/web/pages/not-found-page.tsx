import { Button, EmptyState } from '@mantine/core';
import { IconInfo } from '../components/icons.tsx';
import { linkProps } from '../routing/link-props.ts';

export function NotFoundPage({ title = 'Page not found', message = 'There is nothing at this address.' }: { title?: string; message?: string }) {
  return (
    <EmptyState py="xl" icon={<IconInfo size={28} />} variant="light" color="gray" title={<span role="heading" aria-level={1}>{title}</span>} description={message}>
      <EmptyState.Actions>
        <Button component="a" {...linkProps('/')}>Go to the projects</Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
