import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ValidationError, contextOf } from '../../kernel/index.ts';
import { activeDpg, approveDpg, dpgAnalysis, dpgConversation, dpgPatchInput, dpgVersions, dpgView, newDpgVersion, patchDpg, readableDpg } from './dpg-service.ts';
import { assetRowById, assetsOf, visualAssetsView } from './dpg-assets.ts';
import { AssetNotFoundError } from './product-errors.ts';
import type { ProductDeps } from './product-deps.ts';
import { getOrder, placeOrder } from './order-store.ts';
import { addQuotes, analyseRfqQuotes, listQuotes } from './quote-store.ts';
import { createRfq, getRfq, listRfqs, rfqExport, type RfqFormat } from './rfq-service.ts';
import { supplierMatchesFor } from './supplier-matching.ts';
import { parseQuotesCsv, parseSuppliersCsv, quoteInput, supplierInput } from './sourcing/index.ts';
import { listSuppliers, upsertSuppliers } from './supplier-store.ts';

const idParams = z.object({ id: z.uuid({ message: 'must be an id (UUID)' }) });
const maxCsvBytes = 2 * 1024 * 1024;

/** The product studio's HTTP API: DPGs, visuals, analysis, RFQs, quotes, suppliers and orders. */
export function productRoutes(deps: ProductDeps): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: maxCsvBytes }, (_request, body, done) => done(null, body));
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['product studio'];

    r.get('/api/projects/:id/dpg', { schema: { tags, summary: "The project's active Digital Product Genome", params: idParams } },
      async (request) => activeDpg(deps, contextOf(request), request.params.id));
    r.get('/api/projects/:id/dpgs', { schema: { tags, summary: 'Every version of the project\'s DPG, newest first', params: idParams } },
      async (request) => ({ items: await dpgVersions(deps, contextOf(request), request.params.id) }));
    r.get('/api/dpgs/:id', { schema: { tags, summary: 'A DPG', params: idParams } },
      async (request) => dpgView(deps, await readableDpg(deps, contextOf(request), request.params.id)));
    r.patch('/api/dpgs/:id', { schema: { tags, summary: 'Edit a DPG by hand (data merged key by key)', params: idParams, body: dpgPatchInput } },
      async (request) => patchDpg(deps, contextOf(request), request.params.id, request.body));
    r.post('/api/dpgs/:id/approve', { schema: { tags, summary: 'Approve a reviewed DPG (owners); it is locked from then on', params: idParams } },
      async (request) => approveDpg(deps, contextOf(request), request.params.id));
    r.post('/api/dpgs/:id/versions', { schema: { tags, summary: 'Copy an approved DPG into a new version in designing', params: idParams } },
      async (request, reply) => reply.status(201).send(await newDpgVersion(deps, contextOf(request), request.params.id)));
    r.get('/api/dpgs/:id/assets', { schema: { tags, summary: 'The DPG\'s visuals with every version', params: idParams } },
      async (request) => visualAssetsView(await assetsOf(deps.db, await readableDpg(deps, contextOf(request), request.params.id))));
    r.get('/api/dpgs/:id/conversation', { schema: { tags, summary: 'The conversation of this DPG version, oldest first', params: idParams } },
      async (request) => ({ items: await dpgConversation(deps, contextOf(request), request.params.id) }));
    r.get('/api/dpgs/:id/analysis', { schema: { tags, summary: 'Manufacturability, compliance, cost tiers and quality plan', params: idParams } },
      async (request) => dpgAnalysis(deps, contextOf(request), request.params.id));
    r.get('/api/dpgs/:id/supplier-matches', { schema: { tags, summary: 'Suppliers of the directory matched to the DPG, each explained', params: idParams } },
      async (request) => {
        const ctx = contextOf(request);
        return { items: await supplierMatchesFor(deps, ctx, await readableDpg(deps, ctx, request.params.id), { fallbackQuantity: 1000 }) };
      });
    r.get('/api/assets/:id', { schema: { tags, summary: 'A visual as PNG (default) or SVG', params: idParams, querystring: z.object({ format: z.enum(['png', 'svg']).default('png') }) } },
      async (request, reply) => {
        const ctx = contextOf(request);
        const asset = await assetRowById(deps.db, ctx.workspaceId, request.params.id);
        await readableDpg(deps, ctx, asset.dpgId);
        const sha = request.query.format === 'svg' ? asset.svgSha256 : asset.pngSha256;
        if (!sha) throw new AssetNotFoundError();
        return reply.type(request.query.format === 'svg' ? 'image/svg+xml' : 'image/png')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
          .header('cache-control', 'private, max-age=31536000, immutable').send(deps.blobs.read(sha));
      });

    r.post('/api/dpgs/:id/rfqs', {
      schema: {
        tags, summary: 'Issue an RFQ for an approved DPG (PDF, DOCX and Markdown stored as artifacts)', params: idParams,
        body: z.object({
          responseDays: z.number().int().min(1).max(180).optional(),
          quantityTiers: z.array(z.number().int().positive().max(100_000_000)).min(1).max(10).optional(),
          targetDelivery: z.iso.date().optional(),
        }).default({}),
      },
    }, async (request, reply) => reply.status(201).send(await createRfq(deps, contextOf(request), request.params.id, request.body)));
    r.get('/api/projects/:id/rfqs', { schema: { tags, summary: "The project's RFQs, newest first", params: idParams } },
      async (request) => ({ items: await listRfqs(deps, contextOf(request), request.params.id) }));
    r.get('/api/rfqs/:id', {
      schema: { tags, summary: 'An RFQ as JSON, or its document with ?format=pdf|docx|md', params: idParams, querystring: z.object({ format: z.enum(['json', 'pdf', 'docx', 'md']).default('json') }) },
    }, async (request, reply) => {
      const ctx = contextOf(request);
      if (request.query.format === 'json') return getRfq(deps, ctx, request.params.id);
      const file = await rfqExport(deps, ctx, request.params.id, request.query.format as RfqFormat);
      return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.content);
    });
    r.post('/api/rfqs/:id/quotes', {
      schema: { tags, summary: 'Enter quotes: a JSON array, or text/csv (see docs/product-studio.md)', params: idParams, body: z.union([z.string().max(maxCsvBytes), z.array(z.unknown()).min(1).max(500)]) },
    }, async (request, reply) => {
      const inputs = typeof request.body === 'string' ? parseQuotesCsv(csvBody(request.headers['content-type'], request.body)) : parseQuoteArray(request.body);
      return reply.status(201).send({ items: await addQuotes(deps, contextOf(request), request.params.id, inputs) });
    });
    r.get('/api/rfqs/:id/quotes', { schema: { tags, summary: "The RFQ's quotes", params: idParams } },
      async (request) => ({ items: await listQuotes(deps, contextOf(request), request.params.id) }));
    r.get('/api/rfqs/:id/analysis', {
      schema: {
        tags, summary: 'Rank the quotes (weighted score or TOPSIS) with red flags and a recommendation', params: idParams,
        querystring: z.object({
          method: z.enum(['weighted', 'topsis']).default('topsis'),
          price: z.coerce.number().min(0).max(1000).optional(), quality: z.coerce.number().min(0).max(1000).optional(),
          delivery: z.coerce.number().min(0).max(1000).optional(), compliance: z.coerce.number().min(0).max(1000).optional(),
        }),
      },
    }, async (request) => {
      const { method, ...given } = request.query;
      const weights = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
      return analyseRfqQuotes(deps, contextOf(request), request.params.id, { method, ...(Object.keys(weights).length ? { weights } : {}) });
    });
    r.post('/api/rfqs/:id/order', { schema: { tags, summary: 'Choose a supplier: place the order with its production milestones', params: idParams, body: z.object({ quoteId: z.uuid() }) } },
      async (request, reply) => reply.status(201).send(await placeOrder(deps, contextOf(request), request.params.id, request.body.quoteId)));
    r.get('/api/rfqs/:id/order', { schema: { tags, summary: 'The order placed for the RFQ', params: idParams } },
      async (request) => getOrder(deps, contextOf(request), request.params.id));

    r.get('/api/suppliers', { schema: { tags, summary: "The workspace's supplier directory" } },
      async (request) => ({ items: await listSuppliers(deps.db, contextOf(request)) }));
    r.post('/api/suppliers', {
      schema: { tags, summary: 'Add or update suppliers: a JSON array, or text/csv', body: z.union([z.string().max(maxCsvBytes), z.array(z.unknown()).min(1).max(1000)]) },
    }, async (request, reply) => {
      const inputs = typeof request.body === 'string' ? parseSuppliersCsv(csvBody(request.headers['content-type'], request.body)) : parseArray(request.body, supplierInput, 'SUPPLIERS_INVALID');
      return reply.status(201).send({ items: await upsertSuppliers(deps.db, contextOf(request), inputs) });
    });
  };
}

/** CSV comes as text/csv; a JSON string is a mistake, not a file. */
function csvBody(contentType: string | undefined, body: string): string {
  if (contentType?.toLowerCase().startsWith('text/csv')) return body;
  throw new ValidationError({ message: 'Send a JSON array, or a CSV file with Content-Type: text/csv.', details: [{ in: 'body', path: '', message: 'expected an array or text/csv' }] });
}

function parseQuoteArray(body: unknown[]) {
  return parseArray(body, quoteInput, 'QUOTES_INVALID');
}

function parseArray<T extends z.ZodType>(body: unknown[], schema: T, code: string): z.infer<T>[] {
  const parsed = z.array(schema).safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new ValidationError({ code, message: `Item ${Number(first.path[0]) + 1}: ${first.path.slice(1).join('.') || 'value'} ${first.message}.`, details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  return parsed.data;
}
