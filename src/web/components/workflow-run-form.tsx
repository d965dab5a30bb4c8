import { Button, Group, JsonInput, List, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Run, Workflow, WorkflowVersion } from '../api-types.ts';
import { parseJsonText } from '../format/parse-json-text.ts';
import { detailLines } from '../format/problems-of.ts';
import { sampleInput } from '../format/sample-input.ts';
import { useApi } from '../hooks/use-api.ts';
import { queryKeys } from '../query-keys.ts';
import { routePath } from '../routing/match-route.ts';
import { navigate } from '../routing/navigation.ts';
import { FormError } from './form-error.tsx';
import { IconSend } from './icons.tsx';

/**
 * Starts a run of a saved workflow by hand: its input as JSON (a parse error shows under the
 * editor) and the version, latest by default. Opens the new run's page.
 */
export function WorkflowRunForm({ workflow, versions }: { workflow: Workflow; versions: WorkflowVersion[] }) {
  const api = useApi();
  const client = useQueryClient();
  const [text, setText] = useState(() => JSON.stringify(sampleInput(workflow.definition['inputSchema']), null, 2));
  const [inputError, setInputError] = useState<string>();
  const [version, setVersion] = useState<string>('latest');
  const typed = parseJsonText(text);

  const start = useMutation({
    mutationFn: (input: unknown) => api.post<Run>(`/api/workflows/${encodeURIComponent(workflow.id)}/runs`, {
      ...(input === undefined ? {} : { input }),
      ...(version === 'latest' ? {} : { version: Number(version) }),
    }),
    onSuccess: (run) => {
      client.setQueryData(queryKeys.run(api.workspaceId, run.id), run);
      void client.invalidateQueries({ queryKey: queryKeys.runs(api.workspaceId) });
      navigate(routePath({ name: 'run', runId: run.id }));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!typed.ok) {
      setInputError(typed.message);
      return;
    }
    setInputError(undefined);
    start.mutate(typed.value);
  };
  const details = detailLines(start.error);
  const versionOptions = [
    { value: 'latest', label: `Latest (v${workflow.latestVersion})` },
    ...versions.filter((v) => v.version !== workflow.latestVersion).map((v) => ({ value: String(v.version), label: `v${v.version}` })),
  ];

  return (
    <form onSubmit={submit} noValidate aria-label="Run the workflow">
      <Stack gap="sm">
        <JsonInput
          label="Input (JSON)"
          description="Available to the workflow's expressions as input."
          autosize minRows={4} maxRows={16} spellCheck={false}
          value={text}
          onChange={(value) => { setText(value); setInputError(undefined); }}
          validationError={typed.ok ? undefined : typed.message}
          error={inputError}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-sm)' } }}
        />
        {start.error && (
          <Stack gap={4}>
            <FormError error={start.error} title="The run was not started" />
            {details.length > 0 && (
              <List size="sm" aria-label="What is wrong with the input">
                {details.map((line) => <List.Item key={line}><Text span size="sm">{line}</Text></List.Item>)}
              </List>
            )}
          </Stack>
        )}
        <Group justify="space-between" align="flex-end" gap="sm">
          <Select
            label="Version" data={versionOptions} value={version} allowDeselect={false} w={170} size="sm"
            onChange={(value) => value && setVersion(value)} comboboxProps={{ withinPortal: true }}
          />
          <Button type="submit" loading={start.isPending} leftSection={<IconSend size={16} />}>Start run</Button>
        </Group>
      </Stack>
    </form>
  );
}
