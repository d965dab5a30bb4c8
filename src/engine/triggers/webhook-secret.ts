import { and, eq, isNotNull, ne } from 'drizzle-orm';
import { tables, type Db } from '../../db/index.ts';
import { FoundryError, randomSecret } from '../../kernel/index.ts';
import { open, seal, type MasterKeys } from '../../vault/index.ts';

/**
 * A webhook's signing secret, stored encrypted by the vault's active master key and bound to its
 * trigger row (the associated data), so a ciphertext cannot be moved to another trigger.
 */

const aad = (workspaceId: string, triggerId: string) => `trigger/${workspaceId}/${triggerId}`;

export function newWebhookSecret(): string {
  return `whsec_${randomSecret(32)}`;
}

export function sealWebhookSecret(keys: MasterKeys, row: { workspaceId: string; id: string }, secret: string): { secretKeyId: string; secretCiphertext: string } {
  return { secretKeyId: keys.active.id, secretCiphertext: seal(secret, keys.active.key, aad(row.workspaceId, row.id)) };
}

export function openWebhookSecret(keys: MasterKeys, row: { workspaceId: string; id: string; secretKeyId: string | null; secretCiphertext: string | null }): string {
  if (row.secretKeyId === null || row.secretCiphertext === null) {
    throw new FoundryError({ code: 'WEBHOOK_SECRET_MISSING', status: 500, category: 'system', message: `Webhook trigger ${row.id} has no secret.` });
  }
  const key = keys.byId.get(row.secretKeyId);
  if (!key) throw new FoundryError({ code: 'VAULT_KEY_MISSING', status: 500, category: 'system', message: `Master key "${row.secretKeyId}" is not configured.` });
  return open(row.secretCiphertext, key, aad(row.workspaceId, row.id));
}

/**
 * Re-encrypts every webhook secret not under the active master key (all workspaces), in one
 * transaction; for `foundry vault rotate`, next to the credentials. Returns how many changed.
 */
export async function reencryptWebhookSecrets(deps: { db: Db; keys: MasterKeys }): Promise<number> {
  const t = tables.workflowTriggers;
  return deps.db.transaction(async (tx) => {
    const rows = await tx.select().from(t).where(and(isNotNull(t.secretCiphertext), ne(t.secretKeyId, deps.keys.active.id))).for('update');
    for (const row of rows) {
      const secret = openWebhookSecret(deps.keys, row);
      await tx.update(t).set(sealWebhookSecret(deps.keys, row, secret)).where(eq(t.id, row.id));
    }
    return rows.length;
  });
}
