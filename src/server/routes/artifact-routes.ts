import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addArtifactVersion, artifactVersionView, artifactView, createArtifact, deleteArtifact, getArtifact, isInlineSafe,
  listArtifacts, openArtifactVersion, versionFieldsSchema, type Upload, type VersionFields,
} from '../../artifacts/index.ts';
import { ValidationError } from '../../kernel/index.ts';
import type { AppDeps } from '../app-deps.ts';
import { contextOf } from '../request-context.ts';
import { commonErrors, idParams, items } from '../route-schemas.ts';

const jsonFields = new Set(['parameters', 'metadata']);
const multipartBody = {
  description: 'multipart/form-data: one `file` part, after optional fields `name`, `producer`, `prompt`, `parentVersionId`, `parameters` (JSON), `metadata` (JSON).',
};

/**
 * Reads a multipart upload: the fields sent before the file, then the file as a stream (stored by
 * the artifacts layer without buffering it in memory).
 */
async function readUpload(request: FastifyRequest, onFile: (upload: Upload, fields: VersionFields) => Promise<unknown>): Promise<unknown> {
  if (!request.isMultipart()) {
    throw new ValidationError({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Uploads must be multipart/form-data with a `file` part.' });
  }
  const raw: Record<string, unknown> = {};
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      const value = String(part.value);
      raw[part.fieldname] = jsonFields.has(part.fieldname) ? parseJsonField(part.fieldname, value) : value;
      continue;
    }
    if (part.fieldname !== 'file') throw new ValidationError({ message: `Unexpected file part "${part.fieldname}"; name it "file".` });
    const parsed = versionFieldsSchema.safeParse(raw);
    if (!parsed.success) {
      throw new ValidationError({ message: 'Invalid upload fields (send them before the file).', details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
    }
    const file = part as MultipartFile;
    return onFile({ content: file.file, fileName: file.filename, contentType: file.mimetype }, parsed.data);
  }
  throw new ValidationError({ code: 'FILE_MISSING', message: 'The upload has no `file` part.' });
}

function parseJsonField(name: string, value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw new ValidationError({ message: `The field "${name}" must be JSON.` });
  }
}

export function artifactRoutes(deps: AppDeps) {
  const artifactDeps = { db: deps.db, blobs: deps.blobs, events: deps.events, maxBytes: deps.config.artifactMaxBytes };
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['artifacts'];
    r.get('/api/projects/:id/artifacts', { schema: { tags, summary: "The project's artifacts with their latest versions", params: idParams, response: { 200: items(artifactView), ...commonErrors } } },
      async (request) => ({ items: await listArtifacts(deps.db, contextOf(request), request.params.id) }));

    r.post('/api/projects/:id/artifacts', {
      schema: { tags, summary: 'Upload a file as a new artifact', ...multipartBody, params: idParams, response: { 201: z.object({ artifact: artifactView, version: artifactVersionView }), ...commonErrors } },
    }, async (request, reply) => {
      const ctx = contextOf(request);
      const result = await readUpload(request, (upload, fields) => createArtifact(artifactDeps, ctx, request.params.id, upload, fields));
      return reply.status(201).send(result as never);
    });

    r.get('/api/artifacts/:id', { schema: { tags, summary: 'An artifact with its version history', params: idParams, response: { 200: z.object({ artifact: artifactView, versions: z.array(artifactVersionView) }), ...commonErrors } } },
      async (request) => getArtifact(deps.db, contextOf(request), request.params.id));

    r.post('/api/artifacts/:id/versions', {
      schema: { tags, summary: 'Upload the next version of an artifact', ...multipartBody, params: idParams, response: { 201: artifactVersionView, ...commonErrors } },
    }, async (request, reply) => {
      const ctx = contextOf(request);
      const version = await readUpload(request, (upload, fields) => addArtifactVersion(artifactDeps, ctx, request.params.id, upload, fields));
      return reply.status(201).send(version as never);
    });

    r.get('/api/artifacts/:id/versions/:version/content', {
      schema: { tags, summary: "A version's bytes", params: idParams.extend({ version: z.coerce.number().int().min(1).max(1_000_000) }), response: commonErrors },
    }, async (request, reply) => {
      const { version, name, content } = await openArtifactVersion(artifactDeps, contextOf(request), request.params.id, request.params.version);
      const disposition = isInlineSafe(version.contentType) ? 'inline' : 'attachment';
      return reply
        .header('content-type', version.contentType)
        .header('content-length', version.size)
        .header('etag', `"${version.sha256}"`)
        .header('cache-control', 'private, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
        .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(content as never);
    });

    r.delete('/api/artifacts/:id', { schema: { tags, summary: 'Delete an artifact and its versions', params: idParams, response: { 204: z.null(), ...commonErrors } } },
      async (request, reply) => {
        await deleteArtifact(artifactDeps, contextOf(request), request.params.id);
        return reply.status(204).send(null);
      });
  };
}
