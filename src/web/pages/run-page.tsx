import { Alert, Anchor, Code, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApiError } from '../api-error.ts';
import type { Run, RunStatus } from '../api-types.ts';
import { IconArrowLeft, IconInfo } from '../components/icons.tsx';
import { LiveStatusBadge } from '../components/live-status-badge.tsx';
import { PageLoader } from '../components/page-loader.tsx';
import { QueryError } from '../components/query-error.tsx';
import { RelativeTime } from '../components/relative-time.tsx';
import { RunApprovalCard } from '../components/run-approval-card.tsx';
import { RunControls } from '../components/run-controls.tsx';
import { RunProgress } from '../components/run-progress.tsx';
import { RunStatusBadge } from '../components/run-status-badge.tsx';
import { RunSteps } from '../components/run-steps.tsx';
import { RunTimeline } from '../components/run-timeline.tsx';
import { WorkflowJsonBlock } from '../components/workflow-json-block.tsx';
import { elapsed, formatDuration } from '../format/format-duration.ts';
import { isTerminalRun } from '../format/run-actions.ts';
import { useApi } from '../hooks/use-api.ts';
import { useNow } from '../hooks/use-now.ts';
import { useRun, useRunEvents } from '../hooks/use-runs.ts';
import { useRunStream } from '../hooks/use-run-stream.ts';
import { routePath } from '../routing/match-route.ts';
import { linkProps } from '../routing/link-props.ts';
import { NotFoundPage } from './not-found-page.tsx';

/**
 * One run, live: status, progress, controls, approvals waiting for an answer, input and output,
 * the steps with their attempts, and the timeline of events.
 */
export function RunPage({ runId }: { runId: string }) {
  const api = useApi();
  const run = useRun(runId);
  const events = useRunEvents(runId);
  const following = run.data !== undefined && !isTerminalRun(run.data.status);
  const live = useRunStream(api.workspaceId, runId, following);

  if (run.isPending) return <PageLoader label="Loading the run" />;
  if (run.isError) {
    if (run.error instanceof ApiError && run.error.status === 404) {
      return <NotFoundPage title="Run not found" message="It may belong to another workspace, or its workflow was deleted." />;
    }
    return <QueryError error={run.error} title="Could not load the run" onRetry={() => void run.refetch()} />;
  }
  const r = run.data;
  // A cancelled run can leave its approval step waiting: only a live run asks for an answer.
  const approvals = isTerminalRun(r.status) ? [] : r.steps.filter((step) => step.status === 'waiting' && step.approval !== null);

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Anchor {...linkProps('/runs')} size="sm" c="dimmed" w="fit-content">
          <Group gap={4} component="span"><IconArrowLeft size={14} /> All runs</Group>
        </Anchor>
        <Group justify="space-between" align="flex-start" gap="sm">
          <Group gap="sm" align="center" miw={0}>
            <Title order={1} fz={{ base: 'h2', sm: 'h1' }} style={{ overflowWrap: 'anywhere' }}>{r.name}</Title>
            <RunStatusBadge status={r.status} size="lg" />
            {live !== 'ended' && <LiveStatusBadge status={live} />}
          </Group>
          <RunControls run={r} />
        </Group>
        <Text size="xs" c="dimmed" ff="monospace">Run {r.id}</Text>
      </Stack>

      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="md">
          <RunProgress run={r} />
          <RunFacts run={r} />
        </Stack>
      </Paper>

      {r.error && (
        <Alert color={r.status === 'cancelled' ? 'gray' : 'red'} variant="light" icon={<IconInfo />} title={errorTitles[r.status] ?? 'The run failed'} role="alert">
          {r.error.message} <Code fz="xs">{r.error.code}</Code>{r.error.nodeId && <> at node <Code fz="xs">{r.error.nodeId}</Code></>}
        </Alert>
      )}

      {approvals.map((step) => <RunApprovalCard key={step.id} run={r} step={step} />)}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title="Input" id="run-input-heading">
          <WorkflowJsonBlock value={r.input} label="Run input" emptyText="No input." />
        </Section>
        <Section title="Output" id="run-output-heading">
          <WorkflowJsonBlock value={r.output} label="Run output" emptyText={isTerminalRun(r.status) ? 'No output.' : 'Not finished yet.'} />
        </Section>
      </SimpleGrid>

      <Section title="Steps" id="run-steps-heading">
        <RunSteps steps={r.steps} />
      </Section>

      <Section title="Timeline" id="run-timeline-heading">
        {events.isPending ? <Text size="sm" c="dimmed">Loading events…</Text>
          : events.isError ? <QueryError error={events.error} title="Could not load the timeline" onRetry={() => void events.refetch()} />
            : <RunTimeline events={events.data} steps={r.steps} />}
      </Section>
    </Stack>
  );
}

const errorTitles: Partial<Record<RunStatus, string>> = {
  cancelled: 'The run was cancelled',
  compensating: 'A step failed; its completed steps are being undone',
  compensated: 'A step failed; the completed steps were undone',
};

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} fz="h4" id={id} mb="xs">{title}</Title>
      {children}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} component="dt">{label}</Text>
      <Text size="sm" component="dd" m={0}>{children}</Text>
    </div>
  );
}

function RunFacts({ run }: { run: Run }) {
  const now = useNow(1_000, run.startedAt !== null && run.finishedAt === null);
  const took = elapsed(run.startedAt, run.finishedAt, now);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md" component="dl" m={0}>
      <Fact label="Workflow">
        {run.workflowId
          ? <Anchor {...linkProps(routePath({ name: 'workflow', workflowId: run.workflowId }))} size="sm">{run.name}{run.workflowVersion === null ? '' : ` · v${run.workflowVersion}`}</Anchor>
          : 'Ad-hoc definition'}
      </Fact>
      <Fact label="Trigger">
        <Text span size="sm" tt="capitalize">{run.trigger.kind}</Text>
        {run.parentRunId && <> · <Anchor {...linkProps(routePath({ name: 'run', runId: run.parentRunId }))} size="sm">parent run</Anchor></>}
      </Fact>
      <Fact label="Created"><RelativeTime iso={run.createdAt} /></Fact>
      <Fact label="Started">{run.startedAt ? <RelativeTime iso={run.startedAt} /> : 'Not yet'}</Fact>
      <Fact label="Finished">{run.finishedAt ? <RelativeTime iso={run.finishedAt} /> : '—'}</Fact>
      <Fact label="Duration">{took === null ? '—' : `${formatDuration(took)}${run.finishedAt ? '' : ' so far'}`}</Fact>
    </SimpleGrid>
  );
}
