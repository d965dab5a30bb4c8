import { Alert, Button, Group, JsonInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Workflow, WorkflowProblem, WorkflowValidation } from '../api-types.ts';
import { parseJsonText } from '../format/parse-json-text.ts';
import { problemsOf } from '../format/problems-of.ts';
import { useApi } from '../hooks/use-api.ts';
import { queryKeys } from '../query-keys.ts';
import { FormError } from './form-error.tsx';
import { IconCheck } from './icons.tsx';
import { WorkflowProblems } from './workflow-problems.tsx';

type Checked = { state: 'valid' } | { state: 'problems'; problems: WorkflowProblem[] } | null;

/**
 * Pastes a workflow definition as JSON, checks it with `POST /api/workflows/validate` (every
 * problem listed with its node) and saves it: as a new workflow, or as the next version of
 * `workflowId`. Nothing is saved while the check finds problems.
 */
export function WorkflowDefinitionForm({ workflowId, initialText = '', onSaved, onCancel }: {
  workflowId?: string;
  initialText?: string;
  onSaved: (workflow: Workflow) => void;
  onCancel?: () => void;
}) {
  const api = useApi();
  const client = useQueryClient();
  const [text, setText] = useState(initialText);
  const [parseError, setParseError] = useState<string>();
  const [checked, setChecked] = useState<Checked>(null);

  const readDefinition = (): Record<string, unknown> | undefined => {
    const parsed = parseJsonText(text);
    if (!parsed.ok) {
      setParseError(parsed.message);
      return undefined;
    }
    const value = parsed.value;
    if (value === undefined) setParseError('Paste a workflow definition (a JSON object).');
    else if (typeof value !== 'object' || value === null || Array.isArray(value)) setParseError('A workflow definition is a JSON object: { "name": …, "nodes": […], "edges": […] }.');
    else {
      setParseError(undefined);
      return value as Record<string, unknown>;
    }
    return undefined;
  };

  const validate = async (definition: Record<string, unknown>): Promise<boolean> => {
    const result = await api.post<WorkflowValidation>('/api/workflows/validate', { definition });
    setChecked(result.valid ? { state: 'valid' } : { state: 'problems', problems: result.problems });
    return result.valid;
  };

  const check = useMutation({ mutationFn: validate });
  const save = useMutation({
    mutationFn: async (definition: Record<string, unknown>) => {
      if (!(await validate(definition))) return null;
      return workflowId
        ? api.request<Workflow>('PUT', `/api/workflows/${encodeURIComponent(workflowId)}`, { body: { definition } })
        : api.post<Workflow>('/api/workflows', { definition });
    },
    onSuccess: (workflow) => {
      if (!workflow) return;
      void client.invalidateQueries({ queryKey: queryKeys.workflows(api.workspaceId) });
      void client.invalidateQueries({ queryKey: queryKeys.workflow(api.workspaceId, workflow.id) });
      notifications.show({ color: 'green', title: workflowId ? `Saved version ${workflow.version}` : 'Workflow saved', message: workflow.name });
      onSaved(workflow);
    },
    onError: (error) => {
      const problems = problemsOf(error);
      if (problems.length) setChecked({ state: 'problems', problems });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const definition = readDefinition();
    if (definition) save.mutate(definition);
  };
  const failure = save.error ?? check.error;
  const typed = parseJsonText(text);

  return (
    <form onSubmit={submit} noValidate aria-label={workflowId ? 'New version of the workflow' : 'Add a workflow'}>
      <Stack gap="sm">
        <JsonInput
          label="Definition (JSON)"
          description="Nodes (one trigger), edges, and optionally an inputSchema. The canvas editor comes later."
          placeholder={'{\n  "name": "Publish a post",\n  "nodes": [\n    { "id": "start", "type": "trigger", "name": "Start" },\n    { "id": "result", "type": "output", "name": "Result", "config": { "value": "input" } }\n  ],\n  "edges": [{ "from": "start", "to": "result" }]\n}'}
          autosize minRows={10} maxRows={28} spellCheck={false}
          value={text}
          onChange={(value) => { setText(value); setChecked(null); setParseError(undefined); }}
          validationError={typed.ok ? undefined : typed.message}
          error={parseError}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-sm)' } }}
        />
        {checked?.state === 'problems' && <WorkflowProblems problems={checked.problems} />}
        {checked?.state === 'valid' && !save.isPending && (
          <Alert color="green" variant="light" icon={<IconCheck />} role="status">The definition is valid.</Alert>
        )}
        {failure && problemsOf(failure).length === 0 && <FormError error={failure} />}
        <Group justify="flex-end" gap="sm">
          {onCancel && <Button variant="subtle" color="gray" onClick={onCancel}>Cancel</Button>}
          <Button variant="default" loading={check.isPending} onClick={() => { const d = readDefinition(); if (d) check.mutate(d); }}>Check</Button>
          <Button type="submit" loading={save.isPending}>{workflowId ? 'Save as new version' : 'Save workflow'}</Button>
        </Group>
      </Stack>
    </form>
  );
}
