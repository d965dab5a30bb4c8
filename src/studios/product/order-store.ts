import { and, eq } from 'drizzle-orm';
import { isUniqueViolation, tables } from '../../db/index.ts';
import { ConflictError, NotFoundError, ValidationError, newId, type RequestContext } from '../../kernel/index.ts';
import { publishProjectEvent, requireProjectRole } from '../../projects/index.ts';
import { productionMilestones, type QuoteInput } from './sourcing/index.ts';
import { dpgRowById, factsOf } from './dpg-store.ts';
import type { ProductDeps } from './product-deps.ts';
import { analyseRfqQuotes } from './quote-store.ts';
import { rfqRowById } from './rfq-service.ts';

type OrderRow = typeof tables.productOrders.$inferSelect;

export interface OrderView {
  id: string;
  rfqId: string;
  quoteId: string;
  supplierName: string;
  quantity: number;
  unitPrice: number;
  currency: string;
  total: number;
  status: 'placed';
  milestones: { name: string; due: string; status: 'pending' | 'done' }[];
  createdAt: string;
}

const orderView = (r: OrderRow): OrderView => ({
  id: r.id, rfqId: r.rfqId, quoteId: r.quoteId, supplierName: r.supplierName, quantity: r.quantity, unitPrice: r.unitPrice, currency: r.currency,
  total: r.total, status: r.status as OrderView['status'], milestones: r.milestones as OrderView['milestones'], createdAt: r.createdAt.toISOString(),
});

/** Chooses a supplier: records the order at the quote's landed unit price with its production milestones, and awards the RFQ. */
export async function placeOrder(deps: ProductDeps, ctx: RequestContext, rfqId: string, quoteId: string): Promise<OrderView> {
  const rfq = await rfqRowById(deps, ctx, rfqId);
  await requireProjectRole(deps.db, ctx, rfq.projectId, 'owner', 'choose a supplier');
  const [quote] = await deps.db.select().from(tables.quotes).where(and(eq(tables.quotes.workspaceId, ctx.workspaceId), eq(tables.quotes.rfqId, rfq.id), eq(tables.quotes.id, quoteId)));
  if (!quote) throw new ValidationError({ code: 'QUOTE_NOT_FOUND', message: 'quoteId must be a quote of this RFQ.' });
  const analysis = await analyseRfqQuotes(deps, ctx, rfqId, { method: 'weighted' });
  const scored = analysis.ranked.find((q) => q.quoteId === quote.id)!;
  const dpg = await dpgRowById(deps.db, ctx.workspaceId, rfq.dpgId);
  const quantity = factsOf(dpg).data.quantities?.total ?? analysis.quantity;
  const input = quote.quote as unknown as QuoteInput;
  const today = deps.clock.now().toISOString().slice(0, 10);
  try {
    const row = await deps.db.transaction(async (tx) => {
      const [order] = await tx.insert(tables.productOrders).values({
        id: newId(), workspaceId: ctx.workspaceId, rfqId: rfq.id, quoteId: quote.id, supplierName: quote.supplierName, quantity,
        unitPrice: scored.landedUnitPrice, currency: input.currency, total: Math.round(scored.landedUnitPrice * quantity * 100) / 100,
        milestones: productionMilestones(today, input.leadTimeDays), createdBy: ctx.userId,
      }).returning();
      await tx.update(tables.rfqs).set({ status: 'awarded' }).where(eq(tables.rfqs.id, rfq.id));
      return order!;
    });
    await publishProjectEvent(deps.events, { type: 'order.placed', workspaceId: ctx.workspaceId, projectId: rfq.projectId, data: { rfqId: rfq.id, orderId: row.id } });
    return orderView(row);
  } catch (error) {
    if (isUniqueViolation(error, 'product_orders_rfq_key')) throw new ConflictError({ code: 'ORDER_EXISTS', message: 'An order was already placed for this RFQ.' });
    throw error;
  }
}

export async function getOrder(deps: Pick<ProductDeps, 'db'>, ctx: RequestContext, rfqId: string): Promise<OrderView> {
  const rfq = await rfqRowById(deps, ctx, rfqId);
  const [row] = await deps.db.select().from(tables.productOrders).where(and(eq(tables.productOrders.workspaceId, ctx.workspaceId), eq(tables.productOrders.rfqId, rfq.id)));
  if (!row) throw new NotFoundError({ code: 'ORDER_NOT_FOUND', message: 'No supplier has been chosen for this RFQ yet.' });
  return orderView(row);
}
