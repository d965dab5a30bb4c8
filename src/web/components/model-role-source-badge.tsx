import { Badge, Tooltip } from '@mantine/core';
import type { ModelRoleSetting } from '../api-types.ts';

const sources: Record<ModelRoleSetting['source'], { label: string; color: string; hint: string }> = {
  workspace: { label: 'This workspace', color: 'indigo', hint: 'Chosen here for this workspace.' },
  environment: { label: 'Server default', color: 'teal', hint: "The server's configuration (environment variables) chooses it." },
  default: { label: 'Built-in', color: 'gray', hint: 'Nothing is configured: the offline built-in engine answers.' },
};

/** Where a role's engine comes from: this workspace, the server's configuration, or the built-in default. */
export function ModelRoleSourceBadge({ source }: { source: ModelRoleSetting['source'] }) {
  const { label, color, hint } = sources[source];
  return (
    <Tooltip label={hint} withArrow>
      <Badge variant="light" color={color} size="sm" data-source={source}>{label}</Badge>
    </Tooltip>
  );
}
