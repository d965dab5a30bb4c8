import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addArtifactVersion, artifactVersionView, artifactView, createArtifact, deleteArtifact, getArtifact, isInlineSafe,
  listArtifacts, openArtifactVersion, receiveFile, versionFieldsSchema, type ReceivedFile, type Upload, type VersionFields,
} from '../../artifacts/index.ts';
import { FoundryError, UnsupportedMediaTypeError, ValidationError } from '../../kernel/index.ts';
import type { AppDeps } from '../app-deps.ts';
import { contextOf } from '../request-context.ts';
import { commonErrors, idParams, items } from '../route-schemas.ts';

const jsonFields = new Set(['parameters', 'metadata']);
const multipartBody = {
  description: 'multipart/form-data: one `file` part and optional fields `name`, `producer`, `prompt`, `parentVersionId`, `parameters` (JSON), `metadata` (JSON).',
};

type Receive = (upload: Upload) => Promise<ReceivedFile>;

/**
 * Reads a multipart upload: one file, streamed to storage as it arrives (never buffered whole),
 * and the fields before or after it. Nothing is recorded until every part has been read and
 * validated, so a bad field fails the whole upload.
 */
async function readUpload(request: FastifyRequest, receive: Receive): Promise<{ file: ReceivedFile; fields: VersionFields }> {
  if (!request.isMultipart()) {
    throw new UnsupportedMediaTypeError({ message: 'Uploads must be multipart/form-data with a `file` part.' });
  }
  try {
    return await readParts(request, receive);
  } catch (error) {
    throw error instanceof Error && !FoundryError.isInstance(error) && malformedMultipart.test(error.message)
      ? new ValidationError({ code: 'MALFORMED_MULTIPART', message: 'The multipart body is malformed or cut short.', cause: error })
      : error;
  }
}

/** The plain errors the multipart parser (@fastify/busboy) throws for a malformed body: the client's, not ours. */
const malformedMultipart = /^(Multipart: Boundary not found|Unexpected end of multipart data|\w+ terminated early due to unexpected end of multipart data|The needle cannot)/;

async function readParts(request: FastifyRequest, receive: Receive): Promise<{ file: ReceivedFile; fields: VersionFields }> {
  const raw: Record<string, unknown> = {};
  let file: ReceivedFile | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      const value = String(part.value);
      raw[part.fieldname] = jsonFields.has(part.fieldname) ? parseJsonField(part.fieldname, value) : value;
      continue;
    }
    if (part.fieldname !== 'file') throw new ValidationError({ message: `Unexpected file part "${part.fieldname}"; name it "file".` });
    const multipartFile = part as MultipartFile;
    file = await receive({ content: multipartFile.file, fileName: multipartFile.filename, contentType: multipartFile.mimetype });
  }
  if (!file) throw new ValidationError({ code: 'FILE_MISSING', message: 'The upload has no `file` part.' });
  const parsed = versionFieldsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ValidationError({ message: 'Invalid upload fields.', details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  return { file, fields: parsed.data };
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
      const projectId = request.params.id;
      const { file, fields } = await readUpload(request, (upload) => receiveFile(artifactDeps, ctx, { projectId }, upload));
      return reply.status(201).send(await createArtifact(artifactDeps, ctx, projectId, file, fields));
    });

    r.get('/api/artifacts/:id', { schema: { tags, summary: 'An artifact with its version history', params: idParams, response: { 200: z.object({ artifact: artifactView, versions: z.array(artifactVersionView) }), ...commonErrors } } },
      async (request) => getArtifact(deps.db, contextOf(request), request.params.id));

    r.post('/api/artifacts/:id/versions', {
      schema: { tags, summary: 'Upload the next version of an artifact', ...multipartBody, params: idParams, response: { 201: artifactVersionView, ...commonErrors } },
    }, async (request, reply) => {
      const ctx = contextOf(request);
      const artifactId = request.params.id;
      const { file, fields } = await readUpload(request, (upload) => receiveFile(artifactDeps, ctx, { artifactId }, upload));
      return reply.status(201).send(await addArtifactVersion(artifactDeps, ctx, artifactId, file, fields));
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
