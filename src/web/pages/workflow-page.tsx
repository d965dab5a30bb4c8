import { Anchor, Badge, Button, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api-error.ts';
import { IconArrowLeft, IconHistory } from '../components/icons.tsx';
import { PageLoader } from '../components/page-loader.tsx';
import { QueryError } from '../components/query-error.tsx';
import { RelativeTime } from '../components/relative-time.tsx';
import { RunTable } from '../components/run-table.tsx';
import { TriggerPanel } from '../components/trigger-panel.tsx';
import { WorkflowDefinitionForm } from '../components/workflow-definition-form.tsx';
import { WorkflowJsonBlock } from '../components/workflow-json-block.tsx';
import { WorkflowRunForm } from '../components/workflow-run-form.tsx';
import { WorkflowVersions } from '../components/workflow-versions.tsx';
import { useRuns } from '../hooks/use-runs.ts';
import { useWorkflow, useWorkflowVersions } from '../hooks/use-workflows.ts';
import { roleAtLeast } from '../roles.ts';
import { linkProps } from '../routing/link-props.ts';
import { useWorkspace } from '../workspace-context.tsx';
import { NotFoundPage } from './not-found-page.tsx';

/** One workflow: run it with an input, its triggers, its recent runs, its versions and the definition of each. */
export function WorkflowPage({ workflowId }: { workflowId: string }) {
  const { workspace } = useWorkspace();
  const workflow = useWorkflow(workflowId);
  const versions = useWorkflowVersions(workflowId);
  const [shown, setShown] = useState<number>();
  const [editing, setEditing] = useState(false);
  const canEdit = roleAtLeast(workspace.role, 'editor');

  if (workflow.isPending) return <PageLoader label="Loading the workflow" />;
  if (workflow.isError) {
    if (workflow.error instanceof ApiError && workflow.error.status === 404) {
      return <NotFoundPage title="Workflow not found" message="It may have been deleted, or it belongs to another workspace." />;
    }
    return <QueryError error={workflow.error} title="Could not load the workflow" onRetry={() => void workflow.refetch()} />;
  }
  const w = workflow.data;
  const shownVersion = shown ?? w.latestVersion;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Anchor {...linkProps('/workflows')} size="sm" c="dimmed" w="fit-content">
          <Group gap={4} component="span"><IconArrowLeft size={14} /> All workflows</Group>
        </Anchor>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }} style={{ overflowWrap: 'anywhere' }}>{w.name}</Title>
        <Group gap="xs">
          <Badge variant="light" color="gray" radius="sm">v{w.latestVersion}</Badge>
          <Text size="sm" c="dimmed">Updated <RelativeTime iso={w.updatedAt} /></Text>
        </Group>
        {w.description && <Text size="sm" c="dimmed" maw={760} className="message-content">{w.description}</Text>}
      </Stack>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="run-heading">
            <Stack gap="sm">
              <Title order={2} fz="h4" id="run-heading">Run</Title>
              <WorkflowRunForm key={w.latestVersion} workflow={w} versions={versions.data ?? []} />
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="versions-heading" h="100%">
            <Stack gap="sm">
              <Title order={2} fz="h4" id="versions-heading">Versions</Title>
              {versions.isPending ? <Loader size="sm" type="dots" aria-label="Loading versions" />
                : versions.isError ? <QueryError error={versions.error} title="Could not load the versions" onRetry={() => void versions.refetch()} />
                  : <WorkflowVersions versions={versions.data} shown={shownVersion} onShow={(v) => { setShown(v); setEditing(false); }} />}
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>

      <TriggerPanel workflowId={workflowId} canEdit={canEdit} />

      <RecentRuns workflowId={workflowId} />

      <section aria-labelledby="definition-heading">
        <Group justify="space-between" gap="sm" mb="xs">
          <Title order={2} fz="h4" id="definition-heading">Definition · v{shownVersion}</Title>
          {canEdit && !editing && <Button variant="default" size="xs" onClick={() => setEditing(true)}>Edit as a new version</Button>}
        </Group>
        <Definition workflowId={workflowId} version={shownVersion} latest={w.latestVersion} latestDefinition={w.definition}
          editing={editing} onDone={() => { setEditing(false); setShown(undefined); }} />
      </section>
    </Stack>
  );
}

function RecentRuns({ workflowId }: { workflowId: string }) {
  const runs = useRuns({ workflowId, limit: 10 });
  return (
    <section aria-labelledby="recent-runs-heading">
      <Group justify="space-between" gap="sm" mb="xs">
        <Title order={2} fz="h4" id="recent-runs-heading">Recent runs</Title>
        <Anchor {...linkProps('/runs')} size="sm"><Group gap={4} component="span"><IconHistory size={14} /> All runs</Group></Anchor>
      </Group>
      {runs.isPending ? <Loader size="sm" type="dots" aria-label="Loading runs" />
        : runs.isError ? <QueryError error={runs.error} title="Could not load the runs" onRetry={() => void runs.refetch()} />
          : runs.data.length === 0 ? <Text size="sm" c="dimmed">No runs yet. Start one above.</Text>
            : <Paper withBorder radius="md"><RunTable runs={runs.data} label="Recent runs" showWorkflow={false} /></Paper>}
    </section>
  );
}

function Definition({ workflowId, version, latest, latestDefinition, editing, onDone }: {
  workflowId: string;
  version: number;
  latest: number;
  latestDefinition: Record<string, unknown>;
  editing: boolean;
  onDone: () => void;
}) {
  const older = useWorkflow(workflowId, version === latest ? undefined : version);
  const definition = version === latest ? latestDefinition : older.data?.definition;
  if (version !== latest && older.isPending) return <Loader size="sm" type="dots" aria-label="Loading the definition" />;
  if (version !== latest && older.isError) return <QueryError error={older.error} title="Could not load this version" onRetry={() => void older.refetch()} />;
  if (editing) {
    return (
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <WorkflowDefinitionForm workflowId={workflowId} initialText={JSON.stringify(definition, null, 2)} onSaved={onDone} onCancel={onDone} />
      </Paper>
    );
  }
  return <WorkflowJsonBlock value={definition} label={`Definition of version ${version}`} maxHeight={520} />;
}
