import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Run, RunStep } from '../api-types.ts';
import { roleLabel } from '../roles.ts';
import { useApi } from '../hooks/use-api.ts';
import { queryKeys } from '../query-keys.ts';
import { FormError } from './form-error.tsx';
import { IconCheck } from './icons.tsx';

type Decision = 'approve' | 'reject';

/** A step waiting for a person: its message, an optional comment, Approve and Reject. */
export function RunApprovalCard({ run, step }: { run: Run; step: RunStep }) {
  const api = useApi();
  const client = useQueryClient();
  const [comment, setComment] = useState('');
  const decide = useMutation({
    mutationFn: (decision: Decision) => api.post<Run>(`/api/runs/${encodeURIComponent(run.id)}/${decision}`, {
      nodeId: step.nodeId,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    }),
    onSuccess: (updated, decision) => {
      client.setQueryData(queryKeys.run(api.workspaceId, run.id), updated);
      void client.invalidateQueries({ queryKey: queryKeys.runs(api.workspaceId) });
      notifications.show({ color: decision === 'approve' ? 'green' : 'orange', title: decision === 'approve' ? 'Approved' : 'Rejected', message: step.name });
    },
    onError: () => void client.invalidateQueries({ queryKey: queryKeys.run(api.workspaceId, run.id), exact: true }),
  });
  const approval = step.approval;
  const headingId = `approval-${step.id}`;

  return (
    <Alert color="yellow" variant="light" icon={<IconCheck />} title={<span id={headingId}>Approval needed: {step.name}</span>}
      role="region" aria-labelledby={headingId} data-testid="approval-card">
      <Stack gap="sm">
        <Text size="sm" className="message-content" data-testid="approval-message">{approval?.message ?? 'Approve or reject this step.'}</Text>
        {approval && <Text size="xs" c="dimmed">Who may answer: {roleLabel(approval.approverRole)} or above.</Text>}
        <Textarea
          label="Comment (optional)" placeholder="Why, for the run's timeline" autosize minRows={1} maxRows={5} maxLength={2_000}
          value={comment} onChange={(e) => setComment(e.currentTarget.value)} disabled={decide.isPending}
        />
        <FormError error={decide.error} title="The answer was not recorded" />
        <Group gap="xs">
          <Button color="green" loading={decide.isPending && decide.variables === 'approve'} disabled={decide.isPending} onClick={() => decide.mutate('approve')}>Approve</Button>
          <Button color="red" variant="light" loading={decide.isPending && decide.variables === 'reject'} disabled={decide.isPending} onClick={() => decide.mutate('reject')}>Reject</Button>
        </Group>
      </Stack>
    </Alert>
  );
}
