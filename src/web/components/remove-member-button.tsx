import { Button, Group, Popover, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from './icons.tsx';

/** Removing someone asks once more, in a small popover. */
export function RemoveMemberButton({ name, self, where, onConfirm, loading }: {
  name: string;
  self: boolean;
  where: string;
  onConfirm: () => void;
  loading: boolean;
}) {
  const [opened, { close, toggle }] = useDisclosure(false);
  const label = self ? 'Leave' : 'Remove';
  return (
    <Popover opened={opened} onChange={(o) => !o && close()} position="bottom-end" withArrow shadow="md" trapFocus returnFocus>
      <Popover.Target>
        <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={toggle} loading={loading}
          aria-label={self ? `Leave ${where}` : `Remove ${name}`}>
          {label}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={280}>
        <Stack gap="sm">
          <Text size="sm">{self ? `Leave ${where}? You will lose access to it.` : `Remove ${name} from ${where}?`}</Text>
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={close}>Cancel</Button>
            <Button size="xs" color="red" onClick={() => { close(); onConfirm(); }}>{label}</Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
