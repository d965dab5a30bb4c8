import { ApiError } from '../api-error.ts';
import type { WorkflowProblem } from '../api-types.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The definition problems an API error carries (`400 WORKFLOW_INVALID`: `details.problems`); none for other errors. */
export function problemsOf(error: unknown): WorkflowProblem[] {
  if (!(error instanceof ApiError) || !isRecord(error.details)) return [];
  const problems = error.details['problems'];
  if (!Array.isArray(problems)) return [];
  return problems.filter((p): p is WorkflowProblem => isRecord(p) && typeof p['code'] === 'string' && typeof p['message'] === 'string');
}

/**
 * Readable lines from an error's validation details (`[{path, message}]`, or `{issues: [...]}`),
 * e.g. why a run input was refused: "title: Required".
 */
export function detailLines(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details;
  const list = Array.isArray(details) ? details : isRecord(details) && Array.isArray(details['issues']) ? details['issues'] : [];
  return list.flatMap((issue: unknown) => {
    if (!isRecord(issue) || typeof issue['message'] !== 'string') return [];
    const path = Array.isArray(issue['path']) ? issue['path'].join('.') : typeof issue['path'] === 'string' ? issue['path'] : '';
    return [path ? `${path}: ${issue['message']}` : issue['message']];
  });
}
