import { and, asc, eq, ne } from 'drizzle-orm';
import { isUniqueViolation, tables, type Db } from '../db/index.ts';
import { recordAudit } from '../auth/index.ts';
import { ConflictError, FoundryError, NotFoundError, isId, newId, requireWorkspaceRole, type RequestContext } from '../kernel/index.ts';
import { open, seal } from './aes-gcm.ts';
import type { CreateCredentialInput, CredentialView, UpdateCredentialInput } from './credential-schemas.ts';
import type { MasterKeys } from './master-keys.ts';

export interface VaultDeps {
  db: Db;
  keys: MasterKeys;
}

type Row = typeof tables.credentials.$inferSelect;

const view = (r: Row): CredentialView => ({
  id: r.id, name: r.name, kind: r.kind as CredentialView['kind'], keyId: r.keyId,
  createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
});
const aad = (workspaceId: string, id: string) => `${workspaceId}/${id}`;
const serialise = (secret: CreateCredentialInput['secret']) => JSON.stringify(secret);

function nameTaken(error: unknown, name: string): never {
  if (isUniqueViolation(error, 'credentials_workspace_name_key')) {
    throw new ConflictError({ code: 'CREDENTIAL_NAME_TAKEN', message: `A credential named "${name}" already exists.` });
  }
  throw error;
}

/** Stores a credential encrypted under the active master key; editors and above. */
export async function createCredential(deps: VaultDeps, ctx: RequestContext, input: CreateCredentialInput): Promise<CredentialView> {
  requireWorkspaceRole(ctx, 'editor', 'add credentials');
  const id = newId();
  const ciphertext = seal(serialise(input.secret), deps.keys.active.key, aad(ctx.workspaceId, id));
  try {
    return await deps.db.transaction(async (tx) => {
      const [row] = await tx.insert(tables.credentials).values({
        id, workspaceId: ctx.workspaceId, name: input.name, kind: input.kind, keyId: deps.keys.active.id, ciphertext, createdBy: ctx.userId,
      }).returning();
      await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'credential.created', targetType: 'credential', targetId: id, details: { name: input.name, kind: input.kind } });
      return view(row!);
    });
  } catch (error) {
    return nameTaken(error, input.name);
  }
}

export async function listCredentials(deps: VaultDeps, ctx: RequestContext): Promise<CredentialView[]> {
  const rows = await deps.db.select().from(tables.credentials).where(eq(tables.credentials.workspaceId, ctx.workspaceId)).orderBy(asc(tables.credentials.name));
  return rows.map(view);
}

async function findRow(deps: VaultDeps, ctx: RequestContext, id: string): Promise<Row> {
  const [row] = isId(id)
    ? await deps.db.select().from(tables.credentials).where(and(eq(tables.credentials.id, id), eq(tables.credentials.workspaceId, ctx.workspaceId)))
    : [];
  if (!row) throw new NotFoundError({ code: 'CREDENTIAL_NOT_FOUND', message: 'No such credential in this workspace.' });
  return row;
}

export async function getCredential(deps: VaultDeps, ctx: RequestContext, id: string): Promise<CredentialView> {
  return view(await findRow(deps, ctx, id));
}

export async function updateCredential(deps: VaultDeps, ctx: RequestContext, id: string, input: UpdateCredentialInput): Promise<CredentialView> {
  requireWorkspaceRole(ctx, 'editor', 'change credentials');
  await findRow(deps, ctx, id);
  const changes: Partial<Row> = { updatedAt: new Date() };
  if (input.name) changes.name = input.name;
  if (input.secret !== undefined) {
    changes.ciphertext = seal(serialise(input.secret), deps.keys.active.key, aad(ctx.workspaceId, id));
    changes.keyId = deps.keys.active.id;
  }
  try {
    return await deps.db.transaction(async (tx) => {
      const [row] = await tx.update(tables.credentials).set(changes)
        .where(and(eq(tables.credentials.id, id), eq(tables.credentials.workspaceId, ctx.workspaceId))).returning();
      await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'credential.updated', targetType: 'credential', targetId: id, details: { secretChanged: input.secret !== undefined } });
      return view(row!);
    });
  } catch (error) {
    return nameTaken(error, input.name ?? '');
  }
}

export async function deleteCredential(deps: VaultDeps, ctx: RequestContext, id: string): Promise<void> {
  requireWorkspaceRole(ctx, 'editor', 'delete credentials');
  await findRow(deps, ctx, id);
  await deps.db.transaction(async (tx) => {
    await tx.delete(tables.credentials).where(and(eq(tables.credentials.id, id), eq(tables.credentials.workspaceId, ctx.workspaceId)));
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'credential.deleted', targetType: 'credential', targetId: id });
  });
}

/**
 * The plaintext secret, for server-side use by tools and model providers only; no route returns it.
 */
export async function revealCredential(deps: VaultDeps, ctx: RequestContext, id: string): Promise<CreateCredentialInput['secret']> {
  const row = await findRow(deps, ctx, id);
  const key = deps.keys.byId.get(row.keyId);
  if (!key) throw new FoundryError({ code: 'VAULT_KEY_MISSING', status: 500, category: 'system', message: `Master key "${row.keyId}" is not configured.` });
  return JSON.parse(open(row.ciphertext, key, aad(row.workspaceId, row.id))) as CreateCredentialInput['secret'];
}

/**
 * Re-encrypts every credential not under the active key (all workspaces; an operator action run
 * by `foundry vault rotate`), in one transaction: a row that cannot be decrypted changes nothing.
 * Returns how many rows changed.
 */
export async function reencryptCredentials(deps: VaultDeps): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const rows = await tx.select().from(tables.credentials).where(ne(tables.credentials.keyId, deps.keys.active.id)).for('update');
    for (const row of rows) {
      const key = deps.keys.byId.get(row.keyId);
      if (!key) throw new FoundryError({ code: 'VAULT_KEY_MISSING', status: 500, category: 'system', message: `Master key "${row.keyId}" (credential ${row.id}) is not configured; keep old keys until rotation finished.` });
      let plaintext: string;
      try {
        plaintext = open(row.ciphertext, key, aad(row.workspaceId, row.id));
      } catch (error) {
        throw new FoundryError({ code: 'VAULT_DECRYPT_FAILED', status: 500, category: 'system', message: `Credential ${row.id} cannot be decrypted with key "${row.keyId}"; nothing was re-encrypted.`, cause: error });
      }
      const ciphertext = seal(plaintext, deps.keys.active.key, aad(row.workspaceId, row.id));
      await tx.update(tables.credentials).set({ ciphertext, keyId: deps.keys.active.id }).where(eq(tables.credentials.id, row.id));
    }
    return rows.length;
  });
}

/** Names of the workspace's credentials (what a workflow may refer to); no secret is read. */
export async function credentialNames(db: Db, ctx: RequestContext): Promise<Set<string>> {
  const rows = await db.select({ name: tables.credentials.name }).from(tables.credentials).where(eq(tables.credentials.workspaceId, ctx.workspaceId));
  return new Set(rows.map((r) => r.name));
}
