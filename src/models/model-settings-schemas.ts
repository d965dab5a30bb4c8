import { z } from 'zod';
import { modelRoles, providerNames } from './language-engine.ts';

export const modelRoleSchema = z.enum(modelRoles);
export const settingSources = ['workspace', 'environment', 'default'] as const;

/** A role's engine as the workspace sees it: never an API key, only the vault credential's id. */
export const roleSettingView = z.object({
  role: modelRoleSchema,
  provider: z.enum(providerNames),
  model: z.string(),
  baseUrl: z.string().nullable(),
  credentialId: z.string().nullable(),
  /** `workspace`: set here; `environment`: the server's configuration; `default`: the built-in engine. */
  source: z.enum(settingSources),
});
export type RoleSettingView = z.infer<typeof roleSettingView>;

export const putRoleSettingInput = z.object({
  provider: z.enum(providerNames),
  model: z.string().trim().min(1).max(200),
  baseUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000).optional(),
  credentialId: z.uuid({ message: 'must be an id (UUID)' }).optional(),
}).superRefine((input, ctx) => {
  if (input.provider === 'openai-compatible' && input.baseUrl === undefined) {
    ctx.addIssue({ code: 'custom', path: ['baseUrl'], message: 'An OpenAI-compatible provider needs the base URL of its server.' });
  }
  if (input.provider === 'builtin') {
    for (const key of ['baseUrl', 'credentialId'] as const) {
      if (input[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'The built-in engine takes no base URL or credential.' });
    }
  }
});
export type PutRoleSettingInput = z.infer<typeof putRoleSettingInput>;

export const roleTestView = z.object({
  role: modelRoleSchema,
  provider: z.enum(providerNames),
  model: z.string(),
  ok: z.boolean(),
  latencyMs: z.number(),
  /** Why the call failed; the message never contains a secret. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type RoleTestView = z.infer<typeof roleTestView>;
