import { Alert, Badge, Code, Group, List, Text } from '@mantine/core';
import type { WorkflowProblem } from '../api-types.ts';
import { IconInfo } from './icons.tsx';

function where(problem: WorkflowProblem): string | null {
  if (problem.nodeIds?.length) return `nodes ${problem.nodeIds.join(' → ')}`;
  if (problem.path?.length) return problem.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('').replace(/^\./, '');
  if (problem.edgeIndex !== undefined) return `edges[${problem.edgeIndex}]`;
  return null;
}

/** A definition's problems, each with the node it concerns, as the validation returned them. */
export function WorkflowProblems({ problems }: { problems: WorkflowProblem[] }) {
  const title = problems.length === 1 ? '1 problem to fix before saving' : `${problems.length} problems to fix before saving`;
  return (
    <Alert color="red" variant="light" icon={<IconInfo />} title={title} role="alert" data-testid="workflow-problems">
      <List size="sm" spacing={6} aria-label="Problems">
        {problems.map((problem, index) => {
          const place = where(problem);
          return (
            <List.Item key={`${problem.code}-${problem.nodeId ?? ''}-${index}`} data-node-id={problem.nodeId}>
              <Group gap={6} wrap="wrap" component="span">
                {problem.nodeId && <Badge variant="outline" color="red" size="sm" radius="sm" tt="none" ff="monospace">node {problem.nodeId}</Badge>}
                <Text span size="sm">{problem.message}</Text>
                <Code fz="xs">{problem.code}</Code>
                {place && !problem.nodeId && <Text span size="xs" c="dimmed">at {place}</Text>}
              </Group>
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}
