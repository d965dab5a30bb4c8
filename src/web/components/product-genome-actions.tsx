import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import type { Project } from '../api-types.ts';
import { approveState, newVersionState, rfqState, type ActionState } from '../format/genome-actions.ts';
import { useApi } from '../hooks/use-api.ts';
import { approveDpg, createDpgVersion, createRfq } from '../product-api.ts';
import type { DpgView } from '../product-api-types.ts';
import { queryKeys } from '../query-keys.ts';
import { routePath } from '../routing/match-route.ts';
import { navigate } from '../routing/navigation.ts';
import { FormError } from './form-error.tsx';
import { IconCheck, IconFile, IconPlus } from './icons.tsx';

/** Approve (owners, once reviewed), start a new version and generate an RFQ (both once approved). */
export function ProductGenomeActions({ project, dpg }: { project: Project; dpg: DpgView }) {
  const api = useApi();
  const client = useQueryClient();
  const refresh = (next?: DpgView) => {
    if (next) client.setQueryData(queryKeys.dpg(api.workspaceId, project.id), next);
    void client.invalidateQueries({ queryKey: queryKeys.product(api.workspaceId, project.id) });
  };

  const approve = useMutation({
    mutationFn: () => approveDpg(api, dpg.id),
    onSuccess: (next) => {
      refresh(next);
      notifications.show({ color: 'green', title: 'Genome approved', message: `Version ${next.version} is locked and ready for an RFQ.` });
    },
  });
  const newVersion = useMutation({
    mutationFn: () => createDpgVersion(api, dpg.id),
    onSuccess: (next) => {
      refresh(next);
      notifications.show({ color: 'green', title: 'New version', message: `Version ${next.version} is open for design changes.` });
    },
  });
  const rfq = useMutation({
    mutationFn: () => createRfq(api, dpg.id),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: queryKeys.rfqs(api.workspaceId, project.id) });
      notifications.show({ color: 'green', title: 'RFQ generated', message: created.code });
      navigate(routePath({ name: 'project', projectId: project.id, tab: 'sourcing' }));
    },
  });

  return (
    <Stack gap="sm">
      <ActionButton
        testId="genome-approve" state={approveState(dpg.stage, project.role)} loading={approve.isPending}
        onClick={() => approve.mutate()} icon={<IconCheck size={16} />} filled
      >
        Approve
      </ActionButton>
      <ActionButton
        testId="genome-new-version" state={newVersionState(dpg.stage, project.role)} loading={newVersion.isPending}
        onClick={() => newVersion.mutate()} icon={<IconPlus size={16} />}
      >
        Create new version
      </ActionButton>
      <ActionButton
        testId="genome-generate-rfq" state={rfqState(dpg.stage, project.role)} loading={rfq.isPending}
        onClick={() => rfq.mutate()} icon={<IconFile size={16} />} filled={dpg.stage === 'approved'}
      >
        Generate RFQ
      </ActionButton>
      <FormError error={approve.error} title="Could not approve" />
      <FormError error={newVersion.error} title="Could not create a new version" />
      <FormError error={rfq.error} title="Could not generate the RFQ" />
    </Stack>
  );
}

function ActionButton({ testId, state, loading, onClick, icon, filled = false, children }: {
  testId: string;
  state: ActionState;
  loading: boolean;
  onClick: () => void;
  icon: ReactNode;
  filled?: boolean;
  children: ReactNode;
}) {
  const reasonId = useId();
  return (
    <div>
      <Button
        data-testid={testId} variant={filled && state.allowed ? 'filled' : 'default'} leftSection={icon} fullWidth
        disabled={!state.allowed} loading={loading} onClick={onClick} aria-describedby={state.reason ? reasonId : undefined}
      >
        {children}
      </Button>
      {state.reason && <Text id={reasonId} size="xs" c="dimmed" mt={4} data-testid={`${testId}-reason`}>{state.reason}</Text>}
    </div>
  );
}
