import { z } from 'zod';

export const workflowSummaryView = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  latestVersion: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WorkflowSummaryView = z.infer<typeof workflowSummaryView>;

export const workflowView = workflowSummaryView.extend({
  /** The version shown (the latest unless asked for another). */
  version: z.number().int(),
  definition: z.record(z.string(), z.unknown()),
});
export type WorkflowView = z.infer<typeof workflowView>;

export const workflowVersionView = z.object({ version: z.number().int(), createdAt: z.string(), createdBy: z.uuid().nullable() });
export type WorkflowVersionView = z.infer<typeof workflowVersionView>;

/** What create, update and validate take: the definition document (checked by validateWorkflow). */
export const workflowBody = z.object({ definition: z.record(z.string(), z.unknown()) });

export const workflowProblemView = z.object({
  code: z.string(),
  message: z.string(),
  nodeId: z.string().optional(),
  edgeIndex: z.number().int().optional(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  nodeIds: z.array(z.string()).optional(),
  position: z.number().optional(),
});
