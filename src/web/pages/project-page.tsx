import { Anchor, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { ApiError } from '../api-error.ts';
import { ArtifactsPanel } from '../components/artifacts-panel.tsx';
import { ConversationPanel } from '../components/conversation-panel.tsx';
import { KnowledgePanel } from '../components/knowledge-panel.tsx';
import { IconArrowLeft, IconBook, IconChat, IconFile, IconSliders, IconUsers } from '../components/icons.tsx';
import { LiveStatusBadge } from '../components/live-status-badge.tsx';
import { PageLoader } from '../components/page-loader.tsx';
import { ProductConversation } from '../components/product-conversation.tsx';
import { IconGauge, IconImage, IconTruck } from '../components/product-icons.tsx';
import { ProjectMembersPanel } from '../components/project-members-panel.tsx';
import { ProjectSettingsPanel } from '../components/project-settings-panel.tsx';
import { QueryError } from '../components/query-error.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { StudioBadge } from '../components/studio-badge.tsx';
import { UsageSummaryPanel } from '../components/usage-summary-panel.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useProject } from '../hooks/use-project.ts';
import { useProjectEvents } from '../hooks/use-project-events.ts';
import { productTabs, projectTabs, routePath, type ProjectTab } from '../routing/match-route.ts';
import { linkProps } from '../routing/link-props.ts';
import { navigate } from '../routing/navigation.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { ProductAnalysisPage } from './product-analysis-page.tsx';
import { ProductSourcingPage } from './product-sourcing-page.tsx';
import { ProductVisualsPage } from './product-visuals-page.tsx';

const tabLabels: Record<ProjectTab, { label: string; icon: typeof IconChat }> = {
  conversation: { label: 'Conversation', icon: IconChat },
  visuals: { label: 'Visuals', icon: IconImage },
  analysis: { label: 'Analysis', icon: IconGauge },
  sourcing: { label: 'Sourcing', icon: IconTruck },
  artifacts: { label: 'Artifacts', icon: IconFile },
  knowledge: { label: 'Knowledge', icon: IconBook },
  members: { label: 'Members', icon: IconUsers },
  settings: { label: 'Settings', icon: IconSliders },
};

/** One project: its header and the Conversation, Artifacts, Knowledge, Members and Settings tabs (the tab is in the URL); product projects add Visuals, Analysis and Sourcing. */
export function ProjectPage({ projectId, tab }: { projectId: string; tab: ProjectTab }) {
  const api = useApi();
  const project = useProject(projectId);
  const live = useProjectEvents(api.workspaceId, projectId);

  if (project.isPending) return <PageLoader label="Loading the project" />;
  if (project.isError) {
    if (project.error instanceof ApiError && project.error.status === 404) {
      return <NotFoundPage title="Project not found" message="It may have been deleted, or it belongs to another workspace." />;
    }
    return <QueryError error={project.error} title="Could not load the project" onRetry={() => void project.refetch()} />;
  }
  const p = project.data;
  const tabs = projectTabs.filter((t) => p.studio === 'product' || !productTabs.includes(t));
  const shownTab = tabs.includes(tab) ? tab : 'conversation';

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Anchor {...linkProps('/')} size="sm" c="dimmed" w="fit-content">
          <Group gap={4} component="span"><IconArrowLeft size={14} /> All projects</Group>
        </Anchor>
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={1} fz={{ base: 'h2', sm: 'h1' }} style={{ overflowWrap: 'anywhere' }}>{p.name}</Title>
          <LiveStatusBadge status={live} />
        </Group>
        <Group gap="xs">
          <StudioBadge studio={p.studio} />
          <StatusBadge status={p.status} />
          {p.stage && <Text size="sm" c="dimmed">Stage: {p.stage}</Text>}
          <Text size="sm" c="dimmed">Your role: {p.role}</Text>
        </Group>
        {p.description && <Text size="sm" c="dimmed" maw={760} lineClamp={3} className="message-content">{p.description}</Text>}
      </Stack>

      <Tabs
        value={shownTab}
        onChange={(value) => {
          const next = projectTabs.find((t) => t === value);
          if (next) navigate(routePath({ name: 'project', projectId, tab: next }), { replace: true });
        }}
        keepMounted={false}
        classNames={{ tab: 'project-tab', tabSection: 'project-tab-icon' }}
      >
        <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          {tabs.map((t) => {
            const { label, icon: Icon } = tabLabels[t];
            return <Tabs.Tab key={t} value={t} leftSection={<Icon size={16} />}>{label}</Tabs.Tab>;
          })}
        </Tabs.List>
        <Tabs.Panel value="conversation" pt="lg">{p.studio === 'product' ? <ProductConversation project={p} /> : <ConversationPanel project={p} />}</Tabs.Panel>
        {p.studio === 'product' && (
          <>
            <Tabs.Panel value="visuals" pt="lg"><ProductVisualsPage project={p} /></Tabs.Panel>
            <Tabs.Panel value="analysis" pt="lg"><ProductAnalysisPage project={p} /></Tabs.Panel>
            <Tabs.Panel value="sourcing" pt="lg"><ProductSourcingPage project={p} /></Tabs.Panel>
          </>
        )}
        <Tabs.Panel value="artifacts" pt="lg"><ArtifactsPanel project={p} /></Tabs.Panel>
        <Tabs.Panel value="knowledge" pt="lg"><KnowledgePanel project={p} /></Tabs.Panel>
        <Tabs.Panel value="members" pt="lg"><ProjectMembersPanel project={p} /></Tabs.Panel>
        <Tabs.Panel value="settings" pt="lg">
          <Stack gap="xl">
            <ProjectSettingsPanel project={p} />
            <UsageSummaryPanel projectId={p.id} />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
