import { and, asc, eq, sql } from 'drizzle-orm';
import { tables, type Db } from '../../db/index.ts';
import { newId, requireWorkspaceRole, type RequestContext } from '../../kernel/index.ts';
import type { Supplier, SupplierInput } from './sourcing/index.ts';

/** The workspace's supplier directory, by name. */
export async function listSuppliers(db: Db, ctx: RequestContext): Promise<Supplier[]> {
  const rows = await db.select().from(tables.suppliers).where(eq(tables.suppliers.workspaceId, ctx.workspaceId)).orderBy(asc(tables.suppliers.name));
  return rows.map((r) => ({ ...(r.profile as SupplierInput), id: r.id, name: r.name }));
}

/** Adds suppliers to the directory in one transaction; a supplier already listed by name is updated. */
export async function upsertSuppliers(db: Db, ctx: RequestContext, inputs: SupplierInput[]): Promise<Supplier[]> {
  requireWorkspaceRole(ctx, 'editor', 'edit the supplier directory');
  return db.transaction(async (tx) => {
    const out: Supplier[] = [];
    for (const input of inputs) {
      const [row] = await tx.insert(tables.suppliers).values({ id: newId(), workspaceId: ctx.workspaceId, name: input.name, profile: input as unknown as Record<string, unknown> })
        .onConflictDoUpdate({ target: [tables.suppliers.workspaceId, tables.suppliers.name], set: { profile: input as unknown as Record<string, unknown>, updatedAt: sql`now()` } })
        .returning();
      out.push({ ...input, id: row!.id });
    }
    return out;
  });
}

export async function supplierIdsByName(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const rows = await db.select({ id: tables.suppliers.id, name: tables.suppliers.name }).from(tables.suppliers).where(and(eq(tables.suppliers.workspaceId, workspaceId)));
  return new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));
}
