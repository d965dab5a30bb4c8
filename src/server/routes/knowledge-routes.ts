import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  abandonSourceFile, addUrlInput, addUrlSource, completeSourceFile, deleteSource, getSource, knowledgeDeps, knowledgeSourceView, listSources,
  passageView, receiveSourceFile, reingestSource, searchKnowledge, searchQuery, uploadFieldsSchema, type KnowledgeDeps, type ReceivedSource,
} from '../../knowledge/index.ts';
import { FoundryError, UnsupportedMediaTypeError, ValidationError, type RequestContext } from '../../kernel/index.ts';
import type { AppDeps } from '../app-deps.ts';
import { contextOf } from '../request-context.ts';
import { commonErrors, idParams, items } from '../route-schemas.ts';

const multipartBody = {
  description: 'multipart/form-data: one `file` part (PDF, DOCX, XLSX, CSV, HTML, Markdown, text or an image) and an optional `name` field.',
};

/** The plain errors the multipart parser (@fastify/busboy) throws for a malformed body: the client's, not ours. */
const malformedMultipart = /^(Multipart: Boundary not found|Unexpected end of multipart data|\w+ terminated early due to unexpected end of multipart data|The needle cannot)/;

/**
 * Reads an upload: the file streams into a new `uploading` source as it arrives; the fields may come
 * before or after it. A failure at any point (a refused file, a bad field, a cut-off body) removes
 * the source again.
 */
export async function uploadSource(deps: KnowledgeDeps, request: FastifyRequest, ctx: RequestContext, projectId: string) {
  if (!request.isMultipart()) {
    throw new UnsupportedMediaTypeError({ message: 'Uploads must be multipart/form-data with a `file` part.' });
  }
  const raw: Record<string, unknown> = {};
  let received: ReceivedSource | undefined;
  try {
    const parts = request.parts({ limits: { fileSize: deps.limits.maxBytes, files: 1, fields: 5, fieldSize: 4 * 1024, parts: 6 } });
    for await (const part of parts) {
      if (part.type === 'field') {
        raw[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file') throw new ValidationError({ message: `Unexpected file part "${part.fieldname}"; name it "file".` });
      const file = part as MultipartFile;
      received = await receiveSourceFile(deps, ctx, projectId, { content: file.file, fileName: file.filename, contentType: file.mimetype });
    }
    if (!received) throw new ValidationError({ code: 'FILE_MISSING', message: 'The upload has no `file` part.' });
    const fields = uploadFieldsSchema.safeParse(raw);
    if (!fields.success) {
      throw new ValidationError({ message: 'Invalid upload fields.', details: fields.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
    }
    return await completeSourceFile(deps, ctx, received, fields.data);
  } catch (error) {
    if (received) await abandonSourceFile(deps, received.row);
    throw error instanceof Error && !FoundryError.isInstance(error) && malformedMultipart.test(error.message)
      ? new ValidationError({ code: 'MALFORMED_MULTIPART', message: 'The multipart body is malformed or cut short.', cause: error })
      : error;
  }
}

export function knowledgeRoutes(deps: AppDeps) {
  const kd = knowledgeDeps(deps, deps.knowledge);
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['knowledge'];
    r.get('/api/projects/:id/knowledge', { schema: { tags, summary: "The project's knowledge sources with their status, newest first", params: idParams, response: { 200: items(knowledgeSourceView), ...commonErrors } } },
      async (request) => ({ items: await listSources(deps.db, contextOf(request), request.params.id) }));

    r.post('/api/projects/:id/knowledge', {
      schema: { tags, summary: 'Upload a file to the project\'s knowledge; it is read by an ingestion run', ...multipartBody, params: idParams, response: { 202: knowledgeSourceView, ...commonErrors } },
    }, async (request, reply) => reply.status(202).send(await uploadSource(kd, request, contextOf(request), request.params.id)));

    r.post('/api/projects/:id/knowledge/urls', {
      schema: { tags, summary: 'Add a web page or document by URL; it is fetched and read by an ingestion run', params: idParams, body: addUrlInput, response: { 202: knowledgeSourceView, ...commonErrors } },
    }, async (request, reply) => reply.status(202).send(await addUrlSource(kd, contextOf(request), request.params.id, request.body)));

    r.get('/api/projects/:id/knowledge/search', {
      schema: { tags, summary: "Search the project's knowledge: passages with citations, best first", params: idParams, querystring: searchQuery, response: { 200: z.object({ results: z.array(passageView) }), ...commonErrors } },
    }, async (request) => ({ results: await searchKnowledge(kd, contextOf(request), request.params.id, request.query.q, { limit: request.query.limit }) }));

    r.get('/api/knowledge/:id', { schema: { tags, summary: 'A knowledge source with its status and progress', params: idParams, response: { 200: knowledgeSourceView, ...commonErrors } } },
      async (request) => getSource(deps.db, contextOf(request), request.params.id));

    r.post('/api/knowledge/:id/reingest', { schema: { tags, summary: 'Read a source again (a URL is fetched again)', params: idParams, response: { 202: knowledgeSourceView, ...commonErrors } } },
      async (request, reply) => reply.status(202).send(await reingestSource(kd, contextOf(request), request.params.id)));

    r.delete('/api/knowledge/:id', { schema: { tags, summary: 'Delete a source and its passages', params: idParams, response: { 204: z.null(), ...commonErrors } } },
      async (request, reply) => {
        await deleteSource(kd, contextOf(request), request.params.id);
        return reply.status(204).send(null);
      });
  };
}
