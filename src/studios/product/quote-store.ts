import { and, asc, eq, sql } from 'drizzle-orm';
import { tables } from '../../db/index.ts';
import { newId, type RequestContext } from '../../kernel/index.ts';
import { publishProjectEvent, requireProjectRole } from '../../projects/index.ts';
import { analyzeQuotes, type QuoteAnalysis, type QuoteInput, type StoredQuote, type Weights } from './sourcing/index.ts';
import { dpgRowById, factsOf } from './dpg-store.ts';
import type { ProductDeps } from './product-deps.ts';
import { requiredCertifications } from './required-certifications.ts';
import { rfqRowById, type RfqRow } from './rfq-service.ts';
import { supplierIdsByName } from './supplier-store.ts';

type QuoteRow = typeof tables.quotes.$inferSelect;

const storedQuote = (row: QuoteRow): StoredQuote => ({
  ...(row.quote as unknown as QuoteInput), id: row.id, rfqId: row.rfqId, supplierId: row.supplierId, supplierName: row.supplierName, createdAt: row.createdAt.toISOString(),
});

/** Records quotes for an RFQ in one transaction: all or none; a supplier's new quote replaces its earlier one. */
export async function addQuotes(deps: ProductDeps, ctx: RequestContext, rfqId: string, inputs: QuoteInput[]): Promise<StoredQuote[]> {
  const rfq = await rfqRowById(deps, ctx, rfqId);
  await requireProjectRole(deps.db, ctx, rfq.projectId, 'editor', 'enter quotes');
  const suppliers = await supplierIdsByName(deps.db, ctx.workspaceId);
  const rows = await deps.db.transaction(async (tx) => {
    const out: QuoteRow[] = [];
    for (const input of inputs) {
      const values = { supplierId: suppliers.get(input.supplierName.toLowerCase()) ?? null, quote: input as unknown as Record<string, unknown> };
      const [row] = await tx.insert(tables.quotes).values({ id: newId(), workspaceId: ctx.workspaceId, rfqId: rfq.id, supplierName: input.supplierName, ...values })
        .onConflictDoUpdate({ target: [tables.quotes.rfqId, tables.quotes.supplierName], set: { ...values, createdAt: sql`now()` } })
        .returning();
      out.push(row!);
    }
    return out;
  });
  await publishProjectEvent(deps.events, { type: 'quotes.added', workspaceId: ctx.workspaceId, projectId: rfq.projectId, data: { rfqId: rfq.id, count: rows.length } });
  return rows.map(storedQuote);
}

export async function listQuotes(deps: Pick<ProductDeps, 'db'>, ctx: RequestContext, rfqId: string): Promise<StoredQuote[]> {
  const rfq = await rfqRowById(deps, ctx, rfqId);
  return quotesOf(deps, rfq);
}

async function quotesOf(deps: Pick<ProductDeps, 'db'>, rfq: RfqRow): Promise<StoredQuote[]> {
  const rows = await deps.db.select().from(tables.quotes).where(and(eq(tables.quotes.workspaceId, rfq.workspaceId), eq(tables.quotes.rfqId, rfq.id))).orderBy(asc(tables.quotes.createdAt), asc(tables.quotes.supplierName));
  return rows.map(storedQuote);
}

/** Ranks an RFQ's quotes at the DPG's quantity, by weighted score or TOPSIS, with red flags and a recommendation. */
export async function analyseRfqQuotes(deps: ProductDeps, ctx: RequestContext, rfqId: string, options: { method: 'weighted' | 'topsis'; weights?: Partial<Weights> }): Promise<QuoteAnalysis> {
  const rfq = await rfqRowById(deps, ctx, rfqId);
  const dpg = await dpgRowById(deps.db, ctx.workspaceId, rfq.dpgId);
  const quantity = factsOf(dpg).data.quantities?.total ?? rfq.quantityTiers.at(-1)!;
  return analyzeQuotes(await quotesOf(deps, rfq), {
    quantity, neededBy: rfq.targetDelivery, today: deps.clock.now().toISOString().slice(0, 10), requiredCertifications: requiredCertifications(dpg),
    method: options.method, ...(options.weights ? { weights: options.weights } : {}),
  });
}
