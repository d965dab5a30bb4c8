import { z } from 'zod';
import { workspaceRoles } from '../kernel/index.ts';

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email({ message: 'Enter a valid email address.' })).pipe(z.string().max(254));
export const passwordSchema = z.string().min(8, 'Use at least 8 characters.').max(256, 'Use at most 256 characters.');
export const nameSchema = z.string().trim().min(1, 'A name is required.').max(120);

export const signUpInput = z.object({ email: emailSchema, password: passwordSchema, name: nameSchema });
export type SignUpInput = z.infer<typeof signUpInput>;

export const logInInput = z.object({ email: emailSchema, password: z.string().min(1).max(256) });
export type LogInInput = z.infer<typeof logInInput>;

export const userView = z.object({ id: z.uuid(), email: z.string(), name: z.string() });
export type UserView = z.infer<typeof userView>;

export const workspaceRoleSchema = z.enum(workspaceRoles);
export const workspaceView = z.object({ id: z.uuid(), name: z.string(), role: workspaceRoleSchema, personal: z.boolean() });
export type WorkspaceView = z.infer<typeof workspaceView>;

export const memberView = z.object({ userId: z.uuid(), email: z.string(), name: z.string(), role: workspaceRoleSchema });
export type MemberView = z.infer<typeof memberView>;

export const apiTokenView = z.object({
  id: z.uuid(), name: z.string(), prefix: z.string(), createdAt: z.string(),
  lastUsedAt: z.string().nullable(), expiresAt: z.string().nullable(),
});
export type ApiTokenView = z.infer<typeof apiTokenView>;
