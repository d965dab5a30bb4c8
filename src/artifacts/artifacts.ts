import type { Readable } from 'node:stream';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { tables, type Db, type Tx } from '../db/index.ts';
import { recordAudit } from '../auth/index.ts';
import { NotFoundError, ValidationError, isId, newId, type EventBus, type RequestContext } from '../kernel/index.ts';
import { loadProject, publishProjectEvent, requireProjectRole } from '../projects/index.ts';
import type { ArtifactVersionView, ArtifactView, VersionFields } from './artifact-schemas.ts';
import type { BlobStore } from './blob-store.ts';
import { checkContentType } from './content-type.ts';

export interface ArtifactDeps {
  db: Db;
  blobs: BlobStore;
  events: EventBus;
  maxBytes: number;
}

export interface Upload {
  content: Readable;
  fileName?: string;
  contentType?: string;
}

/** A file stored by content and checked, not yet part of any artifact. */
export interface ReceivedFile {
  sha256: string;
  size: number;
  contentType: string;
  kind: string;
  fileName?: string;
}

/**
 * Stores an uploaded file after checking the caller may upload to the project (or the artifact's
 * project) and that its bytes match an accepted type; a refused file is not kept. Storing first
 * lets the caller read every upload field before anything is recorded.
 */
export async function receiveFile(deps: ArtifactDeps, ctx: RequestContext, target: { projectId: string } | { artifactId: string }, upload: Upload): Promise<ReceivedFile> {
  const projectId = 'projectId' in target ? target.projectId : (await findArtifact(deps.db, ctx, target.artifactId)).projectId;
  await requireProjectRole(deps.db, ctx, projectId, 'editor', 'upload artifacts');
  let checked: { contentType: string; kind: string } | undefined;
  const blob = await deps.blobs.put(upload.content, {
    maxBytes: deps.maxBytes,
    check: (head) => {
      checked = checkContentType({ declared: upload.contentType, fileName: upload.fileName, head });
    },
  });
  return { sha256: blob.sha256, size: blob.size, contentType: checked!.contentType, kind: checked!.kind, fileName: upload.fileName };
}

type VersionRow = typeof tables.artifactVersions.$inferSelect;
type ArtifactRow = typeof tables.artifacts.$inferSelect;

const versionView = (r: VersionRow): ArtifactVersionView => ({
  id: r.id, artifactId: r.artifactId, version: r.version, sha256: r.sha256, size: r.size, contentType: r.contentType,
  parentVersionId: r.parentVersionId, producer: r.producer, prompt: r.prompt, parameters: r.parameters, metadata: r.metadata,
  createdBy: r.createdBy, createdAt: r.createdAt.toISOString(),
});
const artifactView = (a: ArtifactRow, latest: VersionRow | null): ArtifactView => ({
  id: a.id, projectId: a.projectId, name: a.name, kind: a.kind, createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(), latestVersion: latest ? versionView(latest) : null,
});

/** Records a received file as version 1 of a new artifact of the project. */
export async function createArtifact(deps: ArtifactDeps, ctx: RequestContext, projectId: string, file: ReceivedFile, fields: VersionFields): Promise<{ artifact: ArtifactView; version: ArtifactVersionView }> {
  await requireProjectRole(deps.db, ctx, projectId, 'editor', 'upload artifacts');
  const artifactId = newId();
  const name = fields.name ?? file.fileName ?? 'untitled';
  const result = await deps.db.transaction(async (tx) => {
    const [artifact] = await tx.insert(tables.artifacts).values({ id: artifactId, workspaceId: ctx.workspaceId, projectId, name, kind: file.kind, createdBy: ctx.userId }).returning();
    const version = await insertVersion(tx, ctx, artifactId, 1, file, fields);
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'artifact.created', targetType: 'artifact', targetId: artifactId, details: { sha256: file.sha256, size: file.size } });
    return { artifact: artifactView(artifact!, version), version: versionView(version) };
  });
  await publishProjectEvent(deps.events, { type: 'artifact.created', workspaceId: ctx.workspaceId, projectId, data: { artifact: result.artifact } });
  return result;
}

/** Records a received file as the next version of an artifact; its parent defaults to the latest version. */
export async function addArtifactVersion(deps: ArtifactDeps, ctx: RequestContext, artifactId: string, file: ReceivedFile, fields: VersionFields): Promise<ArtifactVersionView> {
  const artifact = await findArtifact(deps.db, ctx, artifactId);
  await requireProjectRole(deps.db, ctx, artifact.projectId, 'editor', 'upload artifacts');
  const version = await deps.db.transaction(async (tx) => {
    await tx.select({ id: tables.artifacts.id }).from(tables.artifacts).where(eq(tables.artifacts.id, artifactId)).for('update');
    const [latest] = await tx.select().from(tables.artifactVersions).where(eq(tables.artifactVersions.artifactId, artifactId)).orderBy(desc(tables.artifactVersions.version)).limit(1);
    const parent = fields.parentVersionId ?? latest?.id;
    if (fields.parentVersionId) {
      const [found] = await tx.select({ id: tables.artifactVersions.id }).from(tables.artifactVersions)
        .where(and(eq(tables.artifactVersions.id, fields.parentVersionId), eq(tables.artifactVersions.artifactId, artifactId)));
      if (!found) throw new ValidationError({ code: 'PARENT_VERSION_NOT_FOUND', message: 'parentVersionId must be a version of this artifact.' });
    }
    const row = await insertVersion(tx, ctx, artifactId, (latest?.version ?? 0) + 1, file, { ...fields, parentVersionId: parent });
    await tx.update(tables.artifacts).set({ updatedAt: sql`now()` }).where(eq(tables.artifacts.id, artifactId));
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'artifact.version_added', targetType: 'artifact', targetId: artifactId, details: { version: row.version, sha256: file.sha256 } });
    return versionView(row);
  });
  await publishProjectEvent(deps.events, { type: 'artifact.created', workspaceId: ctx.workspaceId, projectId: artifact.projectId, data: { artifactId, version } });
  return version;
}

async function insertVersion(tx: Tx, ctx: RequestContext, artifactId: string, version: number, file: ReceivedFile, fields: VersionFields): Promise<VersionRow> {
  const [row] = await tx.insert(tables.artifactVersions).values({
    id: newId(), workspaceId: ctx.workspaceId, artifactId, version, sha256: file.sha256, size: file.size, contentType: file.contentType,
    parentVersionId: fields.parentVersionId ?? null, producer: fields.producer ?? 'upload', prompt: fields.prompt ?? null,
    parameters: fields.parameters ?? {}, metadata: fields.metadata ?? {}, createdBy: ctx.userId,
  }).returning();
  return row!;
}

async function findArtifact(db: Db, ctx: RequestContext, artifactId: string): Promise<ArtifactRow> {
  const [row] = isId(artifactId)
    ? await db.select().from(tables.artifacts).where(and(eq(tables.artifacts.id, artifactId), eq(tables.artifacts.workspaceId, ctx.workspaceId)))
    : [];
  if (!row) throw new NotFoundError({ code: 'ARTIFACT_NOT_FOUND', message: 'No such artifact in this workspace.' });
  return row;
}

export async function listArtifacts(db: Db, ctx: RequestContext, projectId: string): Promise<ArtifactView[]> {
  await loadProject(db, ctx, projectId);
  const rows = await db.select().from(tables.artifacts)
    .where(and(eq(tables.artifacts.projectId, projectId), eq(tables.artifacts.workspaceId, ctx.workspaceId)))
    .orderBy(desc(tables.artifacts.updatedAt));
  const latest = rows.length === 0 ? [] : await db
    .selectDistinctOn([tables.artifactVersions.artifactId])
    .from(tables.artifactVersions)
    .innerJoin(tables.artifacts, eq(tables.artifacts.id, tables.artifactVersions.artifactId))
    .where(and(eq(tables.artifacts.projectId, projectId), eq(tables.artifactVersions.workspaceId, ctx.workspaceId)))
    .orderBy(tables.artifactVersions.artifactId, desc(tables.artifactVersions.version));
  const byArtifact = new Map(latest.map((r) => [r.artifact_versions.artifactId, r.artifact_versions]));
  return rows.map((a) => artifactView(a, byArtifact.get(a.id) ?? null));
}

export async function getArtifact(db: Db, ctx: RequestContext, artifactId: string): Promise<{ artifact: ArtifactView; versions: ArtifactVersionView[] }> {
  const artifact = await findArtifact(db, ctx, artifactId);
  const versions = await db.select().from(tables.artifactVersions).where(eq(tables.artifactVersions.artifactId, artifactId)).orderBy(asc(tables.artifactVersions.version));
  return { artifact: artifactView(artifact, versions.at(-1) ?? null), versions: versions.map(versionView) };
}

/** A version's bytes and description, for download. */
export async function openArtifactVersion(deps: Pick<ArtifactDeps, 'db' | 'blobs'>, ctx: RequestContext, artifactId: string, version: number): Promise<{ version: ArtifactVersionView; name: string; content: Readable }> {
  const artifact = await findArtifact(deps.db, ctx, artifactId);
  const [row] = await deps.db.select().from(tables.artifactVersions)
    .where(and(eq(tables.artifactVersions.artifactId, artifactId), eq(tables.artifactVersions.version, version)));
  if (!row) throw new NotFoundError({ code: 'VERSION_NOT_FOUND', message: `Artifact has no version ${version}.` });
  return { version: versionView(row), name: artifact.name, content: deps.blobs.read(row.sha256) };
}

/** Deletes an artifact and its versions (blobs stay: another version may share the content). */
export async function deleteArtifact(deps: ArtifactDeps, ctx: RequestContext, artifactId: string): Promise<void> {
  const artifact = await findArtifact(deps.db, ctx, artifactId);
  await requireProjectRole(deps.db, ctx, artifact.projectId, 'editor', 'delete artifacts');
  await deps.db.transaction(async (tx) => {
    await tx.delete(tables.artifacts).where(and(eq(tables.artifacts.id, artifactId), eq(tables.artifacts.workspaceId, ctx.workspaceId)));
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'artifact.deleted', targetType: 'artifact', targetId: artifactId });
  });
}
