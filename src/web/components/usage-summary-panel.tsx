import { Anchor, Code, Group, Loader, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import { fillDays, usageRange, usageRangeIds, usageRangeLabels, type UsageRangeId } from '../format/usage-range.ts';
import { useUsage } from '../hooks/use-usage.ts';
import { linkProps } from '../routing/link-props.ts';
import { routePath } from '../routing/match-route.ts';
import { QueryError } from './query-error.tsx';
import { UsageBreakdownTable } from './usage-breakdown-table.tsx';
import { UsageDayChart } from './usage-day-chart.tsx';
import { UsageRecentTable } from './usage-recent-table.tsx';
import { UsageTotals } from './usage-totals.tsx';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Title order={3} fz="sm" fw={600}>{title}</Title>
      {children}
    </Stack>
  );
}

/**
 * Model usage over a range of UTC days: totals, cost per day, and the breakdowns by model, by
 * operation and (for the workspace) by project, then the latest calls. With `projectId`, one
 * project's usage and fewer sections.
 */
export function UsageSummaryPanel({ projectId }: { projectId?: string }) {
  const [rangeId, setRangeId] = useState<UsageRangeId>('this-month');
  const range = useMemo(() => usageRange(rangeId, new Date()), [rangeId]);
  const usage = useUsage(range, { projectId, recent: projectId ? 5 : 20 });
  const summary = usage.data;
  const days = useMemo(() => fillDays(range, summary?.byDay ?? []), [range, summary]);
  const projectNames = useMemo(
    () => new Map((summary?.byProject ?? []).flatMap((p) => (p.projectId && p.projectName ? [[p.projectId, p.projectName] as const] : []))),
    [summary],
  );

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="usage-heading">
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Title order={2} fz="h4" id="usage-heading">Usage</Title>
          <SegmentedControl
            size="xs" value={rangeId} onChange={(value) => setRangeId(value as UsageRangeId)} aria-label="Range"
            data={usageRangeIds.map((id) => ({ value: id, label: usageRangeLabels[id] }))}
          />
        </Group>
        <Text size="sm" c="dimmed">
          Every model call, priced from the provider's published rates; days are UTC ({range.from} to {range.to}).
          {usage.isFetching && !usage.isPending && <Loader size={12} ml={6} type="dots" aria-label="Refreshing" />}
        </Text>
        {usage.isPending ? <Loader size="sm" type="dots" aria-label="Loading the usage" />
          : usage.isError ? <QueryError error={usage.error} title="Could not load the usage" onRetry={() => void usage.refetch()} />
            : summary && (
              <Stack gap="lg">
                <UsageTotals totals={summary.totals} />
                <UsageDayChart days={days} />
                <Section title="By model">
                  <UsageBreakdownTable heading="Provider and model" label="Usage by model" rows={summary.byModel.map((m) => ({
                    ...m, key: `${m.provider}/${m.model}`, label: <Code fz="xs">{m.provider}/{m.model}</Code>,
                  }))} />
                </Section>
                <Section title="By operation">
                  <UsageBreakdownTable heading="Role and operation" label="Usage by operation" rows={summary.byOperation.map((o) => ({
                    ...o, key: `${o.role}/${o.operation}`, label: <>{o.operation} <Text span size="xs" c="dimmed">({o.role})</Text></>,
                  }))} />
                </Section>
                {!projectId && (
                  <Section title="By project">
                    <UsageBreakdownTable heading="Project" label="Usage by project" rows={summary.byProject.map((p) => ({
                      ...p, key: p.projectId ?? 'workspace',
                      label: p.projectId === null ? <Text span size="sm" c="dimmed">The workspace itself</Text>
                        : p.projectName === null ? <Text span size="sm" c="dimmed">A deleted project</Text>
                          : <Anchor size="sm" {...linkProps(routePath({ name: 'project', projectId: p.projectId, tab: 'conversation' }))}>{p.projectName}</Anchor>,
                    }))} />
                  </Section>
                )}
                <Section title="Latest calls">
                  <UsageRecentTable records={summary.recent} projectNames={projectId ? undefined : projectNames} />
                </Section>
              </Stack>
            )}
      </Stack>
    </Paper>
  );
}
