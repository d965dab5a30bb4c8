import { Avatar, Menu, Text, UnstyledButton, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { createApiClient } from '../api-client.ts';
import { queryKeys } from '../query-keys.ts';
import { navigate } from '../routing/navigation.ts';
import { useSession } from '../hooks/use-session.ts';
import { writeWorkspaceId } from '../workspace-storage.ts';
import { IconLogout, IconMoon, IconSun } from './icons.tsx';
import { initials } from '../format/initials.ts';

const accountApi = createApiClient();

/** The account menu: who is logged in, light or dark, log out. */
export function UserMenu() {
  const client = useQueryClient();
  const user = useSession().data?.user;
  const { setColorScheme } = useMantineColorScheme();
  const dark = useComputedColorScheme('light') === 'dark';

  const logOut = async () => {
    await accountApi.post('/api/auth/logout').catch(() => undefined);
    writeWorkspaceId(null);
    client.clear();
    client.setQueryData(queryKeys.session, null);
    navigate('/login');
  };

  if (!user) return null;
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={`Account: ${user.name}`} style={{ borderRadius: '50%' }}>
          <Avatar color="indigo" radius="xl" size={36}>{initials(user.name)}</Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate="end">{user.name}</Text>
          <Text size="xs" c="dimmed" truncate="end">{user.email}</Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={dark ? <IconSun size={16} /> : <IconMoon size={16} />} onClick={() => setColorScheme(dark ? 'light' : 'dark')}>
          {dark ? 'Light theme' : 'Dark theme'}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void logOut()}>Log out</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
