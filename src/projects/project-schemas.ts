import { z } from 'zod';
import { projectRoles } from '../kernel/index.ts';

export const studios = ['product', 'software', 'builder', 'brand'] as const;
export const projectStatuses = ['active', 'on_hold', 'completed', 'archived'] as const;

export const studioSchema = z.enum(studios);
export const projectStatusSchema = z.enum(projectStatuses);
export const projectRoleSchema = z.enum(projectRoles);

const shortText = (max: number) => z.string().trim().min(1).max(max);

export const createProjectInput = z.object({
  name: shortText(200),
  studio: studioSchema,
  description: z.string().max(10_000).optional(),
  category: shortText(100).optional(),
  stage: shortText(100).optional(),
  parentId: z.uuid().optional(),
});
export type CreateProjectInput = z.infer<typeof createProjectInput>;

export const updateProjectInput = z
  .object({
    name: shortText(200),
    description: z.string().max(10_000),
    status: projectStatusSchema,
    stage: shortText(100).nullable(),
    category: shortText(100).nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Send at least one field to change.' });
export type UpdateProjectInput = z.infer<typeof updateProjectInput>;

export const projectView = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  name: z.string(),
  description: z.string(),
  studio: studioSchema,
  status: projectStatusSchema,
  stage: z.string().nullable(),
  category: z.string().nullable(),
  parentId: z.uuid().nullable(),
  createdBy: z.uuid(),
  createdAt: z.string(),
  updatedAt: z.string(),
  role: projectRoleSchema,
});
export type ProjectView = z.infer<typeof projectView>;

export const projectMemberView = z.object({ userId: z.uuid(), email: z.string(), name: z.string(), role: projectRoleSchema });
export type ProjectMemberView = z.infer<typeof projectMemberView>;

export const attachmentSchema = z.object({ artifactId: z.uuid(), versionId: z.uuid() });

export const postMessageInput = z.object({
  content: z.string().trim().min(1, 'A message needs some text.').max(100_000),
  attachments: z.array(attachmentSchema).max(20).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});
export type PostMessageInput = z.infer<typeof postMessageInput>;

export const messageView = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  role: z.enum(['user', 'assistant', 'system']),
  content: z.string(),
  authorId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  agent: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  attachments: z.array(attachmentSchema),
  createdAt: z.string(),
});
export type MessageView = z.infer<typeof messageView>;
