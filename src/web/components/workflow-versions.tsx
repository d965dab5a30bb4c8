import { Button, Table, VisuallyHidden } from '@mantine/core';
import type { WorkflowVersion } from '../api-types.ts';
import { RelativeTime } from './relative-time.tsx';

/** A workflow's saved versions, newest first; "View" shows that version's definition. */
export function WorkflowVersions({ versions, shown, onShow }: { versions: WorkflowVersion[]; shown: number; onShow: (version: number) => void }) {
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table verticalSpacing={6} fz="sm" aria-label="Versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Saved</Table.Th>
            <Table.Th><VisuallyHidden>Definition</VisuallyHidden></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.version} aria-current={v.version === shown ? 'true' : undefined}>
              <Table.Td fw={v.version === shown ? 600 : undefined}>v{v.version}</Table.Td>
              <Table.Td><RelativeTime iso={v.createdAt} /></Table.Td>
              <Table.Td ta="right">
                <Button size="compact-xs" variant={v.version === shown ? 'light' : 'subtle'} onClick={() => onShow(v.version)}
                  aria-label={`Show the definition of version ${v.version}`} disabled={v.version === shown}>
                  {v.version === shown ? 'Shown' : 'View'}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
