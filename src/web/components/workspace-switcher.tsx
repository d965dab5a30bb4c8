import { Badge, Button, Group, Menu, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { roleLabel } from '../roles.ts';
import { navigate } from '../routing/navigation.ts';
import { useWorkspace } from '../workspace-context.tsx';
import { CreateWorkspaceModal } from './create-workspace-modal.tsx';
import { IconBuilding, IconCheck, IconChevronDown, IconPlus, IconSliders, IconUsers } from './icons.tsx';

/** The header menu that shows the current workspace and switches to another or a new one. */
export function WorkspaceSwitcher() {
  const { workspace, workspaces, select } = useWorkspace();
  const [creating, { open, close }] = useDisclosure(false);
  return (
    <>
      <Menu position="bottom-end" width={300} shadow="md" withinPortal>
        <Menu.Target>
          <Button
            variant="default" size="sm" miw={0} maw={{ base: 200, sm: 320 }}
            leftSection={<IconBuilding size={16} />} rightSection={<IconChevronDown size={14} />}
            aria-label={`Workspace: ${workspace.name}. Switch workspace`}
            data-testid="workspace-switcher"
          >
            <Text span size="sm" fw={500} truncate="end">{workspace.name}</Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Workspaces</Menu.Label>
          {workspaces.map((w) => (
            <Menu.Item
              key={w.id}
              onClick={() => select(w.id)}
              leftSection={w.id === workspace.id ? <IconCheck size={16} /> : <span style={{ width: 16, display: 'inline-block' }} />}
              aria-current={w.id === workspace.id ? 'true' : undefined}
            >
              <Group gap={6} justify="space-between" wrap="nowrap">
                <Text size="sm" truncate="end" style={{ flex: 1, minWidth: 0 }}>{w.name}</Text>
                <Badge size="xs" variant="light" color={w.personal ? 'gray' : 'indigo'} style={{ flexShrink: 0, overflow: 'visible' }}>
                  {w.personal ? 'Personal' : roleLabel(w.role)}
                </Badge>
              </Group>
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconUsers size={16} />} onClick={() => navigate('/workspace')}>Workspace members</Menu.Item>
          <Menu.Item leftSection={<IconSliders size={16} />} onClick={() => navigate('/workspace/models')}>Models &amp; usage</Menu.Item>
          <Menu.Item leftSection={<IconPlus size={16} />} onClick={open}>Create workspace</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <CreateWorkspaceModal opened={creating} onClose={close} />
    </>
  );
}
