import { ActionIcon, AppShell, Button, Container, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { linkProps } from '../routing/link-props.ts';
import { navigate, usePathname } from '../routing/navigation.ts';
import { BrandMark } from './brand-mark.tsx';
import { UserMenu } from './user-menu.tsx';
import { WorkspaceSwitcher } from './workspace-switcher.tsx';

const sections = [
  { label: 'Projects', href: '/', matches: (path: string) => path === '/' || path.startsWith('/projects') },
  { label: 'Workflows', href: '/workflows', matches: (path: string) => path.startsWith('/workflows') },
  { label: 'Runs', href: '/runs', matches: (path: string) => path.startsWith('/runs') },
];

/** The workspace's sections: links from the small screen up, a menu on phones. */
function WorkspaceNav() {
  const path = usePathname();
  return (
    <>
      <Group gap={4} component="nav" aria-label="Workspace" visibleFrom="sm" wrap="nowrap">
        {sections.map((section) => {
          const active = section.matches(path);
          return (
            <Button
              key={section.href} component="a" {...linkProps(section.href)} size="compact-sm" px="sm"
              variant={active ? 'light' : 'subtle'} color={active ? 'indigo' : 'gray'} aria-current={active ? 'page' : undefined}
            >
              {section.label}
            </Button>
          );
        })}
      </Group>
      <Menu position="bottom-start" width={200} shadow="md">
        <Menu.Target>
          <ActionIcon variant="default" size={36} aria-label="Sections" hiddenFrom="sm">
            <svg width={18} height={18} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" aria-hidden="true" focusable="false">
              <path d="M4 7h16M4 12h16M4 17h16" />
            </svg>
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {sections.map((section) => (
            <Menu.Item key={section.href} onClick={() => navigate(section.href)} aria-current={section.matches(path) ? 'page' : undefined}
              fw={section.matches(path) ? 600 : undefined}>
              {section.label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </>
  );
}

/** The signed-in frame: a header with the brand, the workspace's sections, the workspace switcher and the account menu. */
export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <AppShell header={{ height: 60 }} padding={0}>
      <a className="skip-link" href="#main-content">Skip to content</a>
      <AppShell.Header>
        <Container size="lg" h="100%" px={{ base: 'sm', sm: 'md' }}>
          <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="md" wrap="nowrap">
              <UnstyledButton component="a" {...linkProps('/')} aria-label="Foundry: all projects">
                <Group gap={8} wrap="nowrap">
                  <BrandMark />
                  <Text fw={700} fz="lg" visibleFrom="xs">Foundry</Text>
                </Group>
              </UnstyledButton>
              <WorkspaceNav />
            </Group>
            <Group gap="xs" wrap="nowrap" miw={0}>
              <WorkspaceSwitcher />
              <UserMenu />
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main id="main-content" tabIndex={-1} style={{ outline: 'none' }}>
        <Container size="lg" px={{ base: 'sm', sm: 'md' }} py={{ base: 'md', sm: 'xl' }}>
          {children}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
