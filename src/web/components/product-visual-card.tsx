import { Badge, Button, Card, Code, Group, Image, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../format/format-time.ts';
import { assetAlt, parentVersion, showValue, type VisualGroup } from '../format/visual-groups.ts';
import { withWorkspace } from '../product-api.ts';
import type { AssetView } from '../product-api-types.ts';

/** One view's gallery card: the latest image (or a picked version), its engine and prompt, the version strip and lineage. */
export function ProductVisualCard({ group, workspaceId }: { group: VisualGroup; workspaceId: string }) {
  const [picked, setPicked] = useState<number | null>(null);
  const latest = group.versions.at(-1);
  const shown = group.versions.find((v) => v.version === picked) ?? latest;
  if (!shown || !latest) return null;
  const parent = parentVersion(shown, group.versions);
  const headingId = `${group.testId}-heading`;

  return (
    <Card withBorder radius="md" padding="sm" component="article" aria-labelledby={headingId} data-testid={group.testId} data-shown-version={shown.version}>
      <Group justify="space-between" gap="xs" mb="xs" wrap="nowrap">
        <Text fw={600} size="sm" id={headingId} component="h3" m={0}>{group.label}</Text>
        <Badge variant={shown === latest ? 'light' : 'outline'} data-testid="visual-version">
          Version {shown.version}{shown === latest ? '' : ` of ${latest.version}`}
        </Badge>
      </Group>
      <Card.Section inheritPadding>
        <AssetImage asset={shown} workspaceId={workspaceId} />
      </Card.Section>
      <Stack gap={4} mt="xs">
        <Text size="xs" c="dimmed" data-testid="visual-engine">Engine: {shown.engine.provider} / {shown.engine.model}</Text>
        <Text size="sm" lineClamp={3} title={shown.prompt} data-testid="visual-prompt">{shown.prompt}</Text>
      </Stack>
      {group.versions.length > 1 && (
        <Group gap={4} mt="xs" role="group" aria-label={`${group.label}: versions`} data-testid="visual-history">
          {group.versions.map((v) => (
            <Button
              key={v.id} size="compact-xs" variant={v.version === shown.version ? 'filled' : 'default'} aria-pressed={v.version === shown.version}
              onClick={() => setPicked(v.version === latest.version ? null : v.version)} data-testid="visual-history-version" data-version={v.version}
              aria-label={`Show version ${v.version}`}
            >
              v{v.version}
            </Button>
          ))}
        </Group>
      )}
      <details className="product-lineage" data-testid="visual-lineage">
        <summary>Lineage of version {shown.version}</summary>
        <Table fz="xs" verticalSpacing={2} horizontalSpacing={4} mt={4}>
          <Table.Tbody>
            <Table.Tr><Table.Th scope="row">Parent</Table.Th><Table.Td>{parent !== null ? `Version ${parent}` : shown.parentId ? 'Another view' : 'None (first generation)'}</Table.Td></Table.Tr>
            <Table.Tr><Table.Th scope="row">Created</Table.Th><Table.Td><time dateTime={shown.createdAt}>{formatDateTime(shown.createdAt)}</time></Table.Td></Table.Tr>
            <Table.Tr><Table.Th scope="row">Prompt</Table.Th><Table.Td className="message-content">{shown.prompt}</Table.Td></Table.Tr>
            {Object.keys(shown.parameters).toSorted().map((key) => (
              <Table.Tr key={key}><Table.Th scope="row">{key}</Table.Th><Table.Td><Code fz="xs" className="product-param">{showValue(shown.parameters, key)}</Code></Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </details>
    </Card>
  );
}

/** The PNG of an asset, with a link to its SVG when there is one. */
export function AssetImage({ asset, workspaceId, height = 220 }: { asset: AssetView; workspaceId: string; height?: number }) {
  return (
    <figure className="product-figure">
      <Image
        src={withWorkspace(asset.pngUrl, workspaceId)} alt={assetAlt(asset)} h={height} fit="contain" loading="lazy"
        className="product-image" data-testid="visual-image"
      />
      {asset.svgUrl && (
        <figcaption>
          <a href={withWorkspace(asset.svgUrl, workspaceId)} target="_blank" rel="noreferrer" className="product-svg-link">Open as SVG</a>
        </figcaption>
      )}
    </figure>
  );
}
