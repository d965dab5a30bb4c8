import { Alert, Button, Center, Stack, Text } from '@mantine/core';
import { errorMessage } from '../api-error.ts';
import { IconInfo } from './icons.tsx';

/** A failed load: the server's message and a way to try again. */
export function QueryError({ error, onRetry, title = 'Could not load this', fullScreen = false }: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
  fullScreen?: boolean;
}) {
  const alert = (
    <Alert color="red" variant="light" title={title} icon={<IconInfo />} role="alert" maw={560} w="100%">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorMessage(error)}</Text>
        {onRetry && <Button size="xs" variant="default" onClick={onRetry}>Try again</Button>}
      </Stack>
    </Alert>
  );
  return fullScreen ? <Center mih="100dvh" p="md">{alert}</Center> : alert;
}
