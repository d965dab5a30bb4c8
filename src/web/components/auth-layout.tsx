import { Anchor, Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { BrandMark } from './brand-mark.tsx';

/** The frame of the log-in and sign-up pages. */
export function AuthLayout({ title, subtitle, children, footer }: { title: string; subtitle: string; children: ReactNode; footer: ReactNode }) {
  return (
    <Center component="main" mih="100dvh" p="md" bg="var(--mantine-color-gray-light)">
      <Box w="100%" maw={420}>
        <Stack gap="lg">
          <Group gap="xs" justify="center">
            <BrandMark size={36} />
            <Text fw={700} fz="xl">Foundry</Text>
          </Group>
          <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="lg">
            <Stack gap="lg">
              <div>
                <Title order={1} fz="h2">{title}</Title>
                <Text c="dimmed" size="sm" mt={4}>{subtitle}</Text>
              </div>
              {children}
            </Stack>
          </Paper>
          <Text ta="center" size="sm">{footer}</Text>
          <Text ta="center" size="xs" c="dimmed">
            Self-hosted. Your data stays on this server. <Anchor href="/api/docs" size="xs">API documentation</Anchor>
          </Text>
        </Stack>
      </Box>
    </Center>
  );
}
