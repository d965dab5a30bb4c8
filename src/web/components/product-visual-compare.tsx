import { Badge, Group, Paper, Select, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { diffParameters, type VisualGroup } from '../format/visual-groups.ts';
import { AssetImage } from './product-visual-card.tsx';

/** Two versions of one view side by side (A and B), with the prompt and every parameter that differs. */
export function ProductVisualCompare({ groups, workspaceId }: { groups: VisualGroup[]; workspaceId: string }) {
  const comparable = groups.filter((g) => g.versions.length > 1);
  const [viewId, setViewId] = useState<string | null>(null);
  const group = comparable.find((g) => g.testId === viewId) ?? comparable[0];
  const [picks, setPicks] = useState<{ view: string; a: number; b: number } | null>(null);
  const [showAll, setShowAll] = useState(false);

  if (!group) {
    return <Text size="sm" c="dimmed" data-testid="visual-compare-empty">Comparison needs a view with two or more versions. Ask for a change in the conversation to make a new version.</Text>;
  }
  const latest = group.versions.at(-1)!.version;
  const current = picks?.view === group.testId ? picks : { view: group.testId, a: group.versions.at(-2)!.version, b: latest };
  const a = group.versions.find((v) => v.version === current.a) ?? group.versions[0]!;
  const b = group.versions.find((v) => v.version === current.b) ?? group.versions.at(-1)!;
  const versionOptions = group.versions.map((v) => ({ value: String(v.version), label: `Version ${v.version}` }));
  const diff = diffParameters(a.parameters, b.parameters);
  const changed = diff.filter((d) => d.changed);
  const rows = showAll || changed.length === 0 ? diff : changed;

  return (
    <Stack gap="md" data-testid="visual-compare">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label="View" data={comparable.map((g) => ({ value: g.testId, label: g.label }))} value={group.testId}
          onChange={(value) => setViewId(value)} allowDeselect={false} w={240} data-testid="visual-compare-view"
        />
        <Select
          label="Version A" data={versionOptions} value={String(a.version)} allowDeselect={false} w={150} data-testid="visual-compare-a"
          onChange={(value) => value && setPicks({ ...current, a: Number(value) })}
        />
        <Select
          label="Version B" data={versionOptions} value={String(b.version)} allowDeselect={false} w={150} data-testid="visual-compare-b"
          onChange={(value) => value && setPicks({ ...current, b: Number(value) })}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {[{ side: 'A', asset: a }, { side: 'B', asset: b }].map(({ side, asset }) => (
          <Paper key={side} withBorder radius="md" p="sm" data-testid={`visual-compare-side-${side.toLowerCase()}`}>
            <Group gap="xs" mb="xs">
              <Badge variant="filled" color={side === 'A' ? 'gray' : 'indigo'}>{side}</Badge>
              <Text size="sm" fw={600}>{group.label}, version {asset.version}</Text>
            </Group>
            <AssetImage asset={asset} workspaceId={workspaceId} height={280} />
            <Text size="xs" c="dimmed" mt="xs">Engine: {asset.engine.provider} / {asset.engine.model}</Text>
            <Text size="sm" mt={4} className="message-content">{asset.prompt}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      <section aria-labelledby="visual-diff-heading" data-testid="visual-compare-diff">
        <Group justify="space-between" align="center" gap="sm" mb={4}>
          <Title order={3} fz="sm" id="visual-diff-heading">
            Parameter differences {a.version === b.version ? '(the same version)' : `(${changed.length} changed${a.prompt === b.prompt ? '' : ', prompt changed'})`}
          </Title>
          {changed.length > 0 && changed.length < diff.length && (
            <Switch size="xs" label={`Show the ${diff.length - changed.length} unchanged`} checked={showAll} onChange={(e) => setShowAll(e.currentTarget.checked)} />
          )}
        </Group>
        {diff.length === 0 ? (
          <Text size="sm" c="dimmed">Neither version records parameters.</Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table fz="sm" striped>
              <Table.Thead>
                <Table.Tr><Table.Th scope="col">Parameter</Table.Th><Table.Th scope="col">A (v{a.version})</Table.Th><Table.Th scope="col">B (v{b.version})</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((d) => (
                  <Table.Tr key={d.key} data-changed={d.changed} className={d.changed ? 'product-diff-changed' : undefined}>
                    <Table.Th scope="row">{d.key}{d.changed && <Badge size="xs" ml={6} color="orange" variant="light">changed</Badge>}</Table.Th>
                    <Table.Td className="product-param">{d.a}</Table.Td>
                    <Table.Td className="product-param">{d.b}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
    </Stack>
  );
}
