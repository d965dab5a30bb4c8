import { Grid } from '@mantine/core';
import type { Project } from '../api-types.ts';
import { ConversationPanel } from './conversation-panel.tsx';
import { ProductGenomePanel } from './product-genome-panel.tsx';

/** A product project's conversation with its genome beside it (below it on narrow screens). */
export function ProductConversation({ project }: { project: Project }) {
  return (
    <Grid gap="lg" align="flex-start">
      <Grid.Col span={{ base: 12, md: 7 }}><ConversationPanel project={project} markdown /></Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}><ProductGenomePanel project={project} /></Grid.Col>
    </Grid>
  );
}
