import { z } from 'zod';

export const credentialKinds = ['api_key', 'oauth', 'basic', 'smtp', 'database', 'webhook_secret', 'other'] as const;

export const createCredentialInput = z.object({
  name: z.string().trim().min(1).max(120),
  kind: z.enum(credentialKinds),
  /** A string, or an object of string fields (for example `{ "username", "password" }`). */
  secret: z.union([z.string().min(1).max(64_000), z.record(z.string(), z.string().max(64_000))]),
});
export type CreateCredentialInput = z.infer<typeof createCredentialInput>;

export const updateCredentialInput = createCredentialInput.pick({ name: true, secret: true }).partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Send a new name or a new secret.' });
export type UpdateCredentialInput = z.infer<typeof updateCredentialInput>;

/** What the API returns: never the secret. */
export const credentialView = z.object({
  id: z.uuid(), name: z.string(), kind: z.enum(credentialKinds), keyId: z.string(),
  createdAt: z.string(), updatedAt: z.string(),
});
export type CredentialView = z.infer<typeof credentialView>;
