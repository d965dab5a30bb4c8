import { Readable } from 'node:stream';
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { createArtifact } from '../../artifacts/index.ts';
import { isUniqueViolation, tables } from '../../db/index.ts';
import { isId, newId, type RequestContext } from '../../kernel/index.ts';
import { publishProjectEvent, requireProjectRole } from '../../projects/index.ts';
import { analyzeDpg } from './intelligence/index.ts';
import {
  buildRfqDocument, defaultResponseDays, defaultTargetDelivery, renderRfqDocx, renderRfqMarkdown, renderRfqPdf, rfqCode, rfqTiers,
  type RfqDocument, type SupplierMatch,
} from './sourcing/index.ts';
import { assetsOf, latestAssets } from './dpg-assets.ts';
import { factsOf, dpgRowById, type DpgRow } from './dpg-store.ts';
import type { DpgStage } from './dpg-stages.ts';
import { DpgStageError, RfqNotFoundError } from './product-errors.ts';
import type { ProductDeps } from './product-deps.ts';
import { requiredCertifications } from './required-certifications.ts';
import { supplierMatchesFor } from './supplier-matching.ts';
import { readBlob } from './read-blob.ts';

export type RfqRow = typeof tables.rfqs.$inferSelect;
export type RfqFormat = 'pdf' | 'docx' | 'md';

export const rfqFormats: Record<RfqFormat, { contentType: string; extension: string }> = {
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
};

export interface RfqOptions {
  responseDays?: number;
  quantityTiers?: number[];
  targetDelivery?: string;
}

export interface RfqView {
  id: string;
  code: string;
  projectId: string;
  dpgId: string;
  dpgVersion: number;
  status: 'open' | 'awarded';
  issuedAt: string;
  responseDeadline: string;
  targetDelivery: string;
  quantityTiers: number[];
  sections: { id: string; title: string; markdown: string }[];
  matches: SupplierMatch[];
  quoteCount: number;
  createdAt: string;
}

const day = 86_400_000;

/**
 * Issues an RFQ for an approved DPG: the document (nine sections) rendered as PDF, DOCX and Markdown,
 * each stored as an artifact of the project, and the suppliers of the directory matched to it.
 */
export async function createRfq(deps: ProductDeps, ctx: RequestContext, dpgId: string, options: RfqOptions): Promise<RfqView> {
  const dpg = await dpgRowById(deps.db, ctx.workspaceId, dpgId);
  const { project } = await requireProjectRole(deps.db, ctx, dpg.projectId, 'editor', 'issue RFQs');
  if (dpg.stage !== 'approved') throw new DpgStageError('DPG_NOT_APPROVED', dpg.stage as DpgStage, 'An RFQ can only be issued for an approved DPG.');
  const facts = factsOf(dpg);
  const analysis = analyzeDpg(facts);
  const issuedAt = deps.clock.now();
  const responseDeadline = new Date(issuedAt.getTime() + (options.responseDays ?? defaultResponseDays) * day);
  const targetDelivery = options.targetDelivery ? new Date(`${options.targetDelivery}T00:00:00Z`)
    : facts.data.target_delivery ? new Date(`${facts.data.target_delivery}T00:00:00Z`) : defaultTargetDelivery(issuedAt);
  const tiers = rfqTiers(facts.data.quantities, options.quantityTiers);
  const certifications = requiredCertifications(dpg);
  const front = latestAssets(await assetsOf(deps.db, dpg)).get('flat:front');
  const images = front ? [{ caption: `Technical flat, front (version ${front.version})`, png: await readBlob(deps.blobs, front.pngSha256) }] : [];
  const matches = await supplierMatchesFor(deps, ctx, dpg, { fallbackQuantity: tiers[0]!, neededBy: targetDelivery.toISOString().slice(0, 10), analysis });

  for (let attempt = 0; ; attempt++) {
    const [{ value: serial } = { value: 0 }] = await deps.db.select({ value: count() }).from(tables.rfqs).where(eq(tables.rfqs.workspaceId, ctx.workspaceId));
    const code = rfqCode(issuedAt, serial + 1 + attempt);
    const document = buildRfqDocument({
      code, projectName: project.name, facts, dpgVersion: dpg.version, issuedAt, responseDeadline, targetDelivery, quantityTiers: tiers,
      requiredCertifications: certifications,
      compliance: analysis.compliance.requirements.map((r) => ({ regulation: r.regulation, citation: r.citation, requirement: r.requirement, mandatory: r.mandatory })),
      qualityStandards: analysis.quality.standards.map((s) => s.standard), aql: analysis.quality.aql, images,
    });
    try {
      return await storeRfq(deps, ctx, dpg, document, matches);
    } catch (error) {
      if (!isUniqueViolation(error, 'rfqs_workspace_code_key') || attempt >= 5) throw error;
    }
  }
}

async function storeRfq(deps: ProductDeps, ctx: RequestContext, dpg: DpgRow, document: RfqDocument, matches: SupplierMatch[]): Promise<RfqView> {
  const rendered: Record<RfqFormat, Buffer> = {
    pdf: await renderRfqPdf(document),
    docx: await renderRfqDocx(document),
    md: Buffer.from(renderRfqMarkdown(document)),
  };
  const id = newId();
  const [row] = await deps.db.insert(tables.rfqs).values({
    id, workspaceId: ctx.workspaceId, projectId: dpg.projectId, dpgId: dpg.id, code: document.code, issuedAt: new Date(document.issuedAt),
    responseDeadline: document.responseDeadline, targetDelivery: document.targetDelivery, quantityTiers: document.quantityTiers,
    document: { ...document, images: document.images.map((i) => ({ caption: i.caption })) } as unknown as Record<string, unknown>, matches, createdBy: ctx.userId,
  }).returning();
  const artifacts: Record<string, { artifactId: string; versionId: string; sha256: string }> = {};
  for (const format of Object.keys(rendered) as RfqFormat[]) {
    const blob = await deps.blobs.put(Readable.from(rendered[format]), { maxBytes: deps.maxArtifactBytes });
    const { artifact, version } = await createArtifact({ ...deps, maxBytes: deps.maxArtifactBytes }, ctx, dpg.projectId, {
      sha256: blob.sha256, size: blob.size, contentType: rfqFormats[format].contentType.split(';')[0]!, kind: 'document', fileName: `${document.code}.${rfqFormats[format].extension}`,
    }, { producer: 'product-studio', prompt: `RFQ for DPG version ${dpg.version}`, parameters: { rfqId: id, format } });
    artifacts[format] = { artifactId: artifact.id, versionId: version.id, sha256: blob.sha256 };
  }
  const [stored] = await deps.db.update(tables.rfqs).set({ artifacts }).where(eq(tables.rfqs.id, id)).returning();
  await publishProjectEvent(deps.events, { type: 'rfq.created', workspaceId: ctx.workspaceId, projectId: dpg.projectId, data: { rfqId: id, code: document.code } });
  return rfqView(stored ?? row!, dpg.version, 0);
}

export async function rfqRowById(deps: Pick<ProductDeps, 'db'>, ctx: RequestContext, id: string): Promise<RfqRow> {
  const [row] = isId(id) ? await deps.db.select().from(tables.rfqs).where(and(eq(tables.rfqs.workspaceId, ctx.workspaceId), eq(tables.rfqs.id, id))) : [];
  if (!row) throw new RfqNotFoundError();
  await requireProjectRole(deps.db, ctx, row.projectId, 'viewer', 'read RFQs');
  return row;
}

export async function getRfq(deps: Pick<ProductDeps, 'db'>, ctx: RequestContext, id: string): Promise<RfqView> {
  const row = await rfqRowById(deps, ctx, id);
  const [view] = await rfqViews(deps, eq(tables.rfqs.id, row.id));
  return view!;
}

export async function listRfqs(deps: Pick<ProductDeps, 'db'>, ctx: RequestContext, projectId: string): Promise<RfqView[]> {
  await requireProjectRole(deps.db, ctx, projectId, 'viewer', 'read RFQs');
  return rfqViews(deps, and(eq(tables.rfqs.workspaceId, ctx.workspaceId), eq(tables.rfqs.projectId, projectId))!);
}

/** One export of an RFQ, read from its artifact's blob. */
export async function rfqExport(deps: ProductDeps, ctx: RequestContext, id: string, format: RfqFormat): Promise<{ fileName: string; contentType: string; content: Readable }> {
  const row = await rfqRowById(deps, ctx, id);
  const stored = row.artifacts[format] as { sha256?: string } | undefined;
  if (!stored?.sha256) throw new RfqNotFoundError();
  return { fileName: `${row.code}.${rfqFormats[format].extension}`, contentType: rfqFormats[format].contentType, content: deps.blobs.read(stored.sha256) };
}

/** RFQs with their DPG's version and their quote count, newest first, in one query. */
async function rfqViews(deps: Pick<ProductDeps, 'db'>, where: SQL): Promise<RfqView[]> {
  const rows = await deps.db.select({
    rfq: tables.rfqs, dpgVersion: tables.dpgs.version,
    quoteCount: sql<number>`(select count(*)::int from ${tables.quotes} where ${tables.quotes.rfqId} = ${tables.rfqs.id})`,
  }).from(tables.rfqs).innerJoin(tables.dpgs, eq(tables.dpgs.id, tables.rfqs.dpgId)).where(where).orderBy(desc(tables.rfqs.createdAt));
  return rows.map((r) => rfqView(r.rfq, r.dpgVersion, r.quoteCount));
}

function rfqView(row: RfqRow, dpgVersion: number, quoteCount: number): RfqView {
  const document = row.document as unknown as RfqDocument;
  return {
    id: row.id, code: row.code, projectId: row.projectId, dpgId: row.dpgId, dpgVersion, status: row.status as RfqView['status'], issuedAt: row.issuedAt.toISOString(),
    responseDeadline: row.responseDeadline, targetDelivery: row.targetDelivery, quantityTiers: row.quantityTiers,
    sections: document.sections.map((s) => ({ id: s.id, title: s.title, markdown: renderRfqMarkdown({ ...document, sections: [s], images: [] }, { sectionOnly: true }) })),
    matches: row.matches as SupplierMatch[], quoteCount, createdAt: row.createdAt.toISOString(),
  };
}
