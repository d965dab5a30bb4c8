import { Alert } from '@mantine/core';
import { errorMessage } from '../api-error.ts';
import { IconInfo } from './icons.tsx';

/** A failed form submission's message, announced to screen readers. */
export function FormError({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconInfo />} title={title} role="alert">
      {errorMessage(error)}
    </Alert>
  );
}
