import { AppShell, Container, Group, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { linkProps } from '../routing/link-props.ts';
import { BrandMark } from './brand-mark.tsx';
import { UserMenu } from './user-menu.tsx';
import { WorkspaceSwitcher } from './workspace-switcher.tsx';

/** The signed-in frame: a header with the brand, the workspace switcher and the account menu. */
export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <AppShell header={{ height: 60 }} padding={0}>
      <a className="skip-link" href="#main-content">Skip to content</a>
      <AppShell.Header>
        <Container size="lg" h="100%" px={{ base: 'sm', sm: 'md' }}>
          <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
            <UnstyledButton component="a" {...linkProps('/')} aria-label="Foundry: all projects">
              <Group gap={8} wrap="nowrap">
                <BrandMark />
                <Text fw={700} fz="lg" visibleFrom="xs">Foundry</Text>
              </Group>
            </UnstyledButton>
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
