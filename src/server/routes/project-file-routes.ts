import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { artifactVersionView, artifactView, createArtifact } from '../../artifacts/index.ts';
import { tables } from '../../db/index.ts';
import { knowledgeDeps, knowledgeSourceView } from '../../knowledge/index.ts';
import type { AppDeps } from '../app-deps.ts';
import { contextOf } from '../request-context.ts';
import { commonErrors, idParams } from '../route-schemas.ts';
import { uploadSource } from './knowledge-routes.ts';

const kindOf = (contentType: string) => contentType.startsWith('image/') ? 'image' : contentType.includes('spreadsheet') || contentType === 'text/csv' ? 'spreadsheet' : 'document';

/**
 * One upload, two uses: the file joins the project's knowledge (read, searchable, cited by the
 * agent) and is kept as an artifact (versioned, downloadable). Logos and brand guides come this way.
 */
export function projectFileRoutes(deps: AppDeps) {
  const knowledge = knowledgeDeps(deps, deps.knowledge);
  // The file is kept as an artifact too, so the smaller of the two limits applies.
  const kd = { ...knowledge, limits: { ...knowledge.limits, maxBytes: Math.min(knowledge.limits.maxBytes, deps.config.artifactMaxBytes) } };
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post('/api/projects/:id/files', {
      schema: {
        tags: ['knowledge', 'artifacts'], summary: 'Upload a file to the project: it becomes a knowledge source and an artifact',
        description: 'multipart/form-data: one `file` part (PDF, DOCX, XLSX, CSV, HTML, Markdown, text or an image) and an optional `name` field.',
        params: idParams, response: { 201: z.object({ artifact: artifactView, version: artifactVersionView, knowledgeSource: knowledgeSourceView }), ...commonErrors },
      },
    }, async (request, reply) => {
      const ctx = contextOf(request);
      const source = await uploadSource(kd, request, ctx, request.params.id);
      const [row] = await deps.db.select({ sha256: tables.knowledgeSources.sha256 }).from(tables.knowledgeSources)
        .where(and(eq(tables.knowledgeSources.workspaceId, ctx.workspaceId), eq(tables.knowledgeSources.id, source.id)));
      const contentType = source.contentType ?? 'application/octet-stream';
      const { artifact, version } = await createArtifact({ db: deps.db, blobs: deps.blobs, events: deps.events, maxBytes: deps.config.artifactMaxBytes }, ctx, request.params.id, {
        sha256: row!.sha256!, size: source.size ?? 0, contentType, kind: kindOf(contentType), fileName: source.name,
      }, { producer: 'upload', metadata: { knowledgeSourceId: source.id } });
      return reply.status(201).send({ artifact, version, knowledgeSource: source });
    });
  };
}
