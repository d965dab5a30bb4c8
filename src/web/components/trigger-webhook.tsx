import { ActionIcon, Alert, Button, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { signingRecipe, webhookUrl } from '../format/trigger-config.ts';
import { IconCheck, IconInfo } from './icons.tsx';

/** A value in monospace with a copy button beside it. */
export function CopyableValue({ value, label, testId }: { value: string; label: string; testId?: string }) {
  return (
    <Group gap={6} wrap="nowrap" align="center" className="trigger-copyable">
      <Code className="trigger-copyable-value" data-testid={testId} aria-label={label}>{value}</Code>
      <CopyButton value={value} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : `Copy the ${label.toLowerCase()}`} withArrow>
            <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={`Copy the ${label.toLowerCase()}`} size="sm">
              {copied ? <IconCheck size={14} /> : <CopyGlyph />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

function CopyGlyph() {
  return (
    <svg width={14} height={14} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M9 9h11v11H9z" /><path d="M5 15H4V4h11v1" />
    </svg>
  );
}

/** Where senders post, for a webhook trigger: this server's origin and the trigger's path. */
export function WebhookUrl({ path }: { path: string }) {
  return <CopyableValue value={webhookUrl(window.location.origin, path)} label="Webhook URL" testId="webhook-url" />;
}

/**
 * A webhook's secret, straight after it was made (create or rotate): shown once, with a copy
 * button and the curl + openssl recipe that signs a request with it.
 */
export function WebhookSecretNotice({ name, path, secret, onDismiss }: { name: string; path: string; secret: string; onDismiss: () => void }) {
  const url = webhookUrl(window.location.origin, path);
  return (
    <section aria-label="Webhook secret" data-testid="webhook-secret-notice">
      <Alert color="yellow" variant="light" icon={<IconInfo />} title={`Signing secret of “${name}”`}>
        <Stack gap="xs">
          <Text size="sm">Copy it now: Foundry stores it encrypted and will not show it again. Rotating makes a new one and stops this one.</Text>
          <CopyableValue value={secret} label="Secret" testId="webhook-secret" />
          <CopyableValue value={url} label="URL" />
          <Text size="sm">Sign each request: <Code>X-Foundry-Timestamp</Code> (unix seconds) and <Code>X-Foundry-Signature: sha256=</Code> the hex HMAC-SHA256 of <Code>{'<timestamp>.<raw body>'}</Code>.</Text>
          <Code block className="trigger-recipe" aria-label="Signing recipe">{signingRecipe(url, secret)}</Code>
          <Group justify="space-between" gap="xs">
            <CopyButton value={signingRecipe(url, secret)} timeout={1500}>
              {({ copied, copy }) => <Button size="xs" variant="default" onClick={copy}>{copied ? 'Copied' : 'Copy the recipe'}</Button>}
            </CopyButton>
            <Button size="xs" variant="light" color="yellow" onClick={onDismiss}>I have saved it</Button>
          </Group>
        </Stack>
      </Alert>
    </section>
  );
}
