import { z } from 'zod';

export const sourceStatuses = ['uploading', 'processing', 'ready', 'error'] as const;
export type SourceStatus = (typeof sourceStatuses)[number];

export const knowledgeSourceView = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  kind: z.enum(['file', 'url']),
  name: z.string(),
  url: z.string().nullable(),
  contentType: z.string().nullable(),
  size: z.number().int().nullable(),
  /** `uploading` (the file arrives, or the URL is being fetched), `processing`, `ready` or `error`. */
  status: z.enum(sourceStatuses),
  /** 0..1 */
  progress: z.number(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  chunkCount: z.number().int(),
  metadata: z.record(z.string(), z.unknown()),
  /** The ingestion run (see /api/runs/:id). */
  runId: z.uuid().nullable(),
  createdBy: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type KnowledgeSourceView = z.infer<typeof knowledgeSourceView>;

export const citationView = z.object({
  sourceId: z.uuid(),
  sourceName: z.string(),
  chunkId: z.uuid(),
  page: z.number().int().optional(),
  sheet: z.string().optional(),
  heading: z.string().optional(),
  charStart: z.number().int(),
  charEnd: z.number().int(),
});

export const passageView = z.object({ text: z.string(), citation: citationView, score: z.number().optional() });

/** Fields sent beside the file of an upload. */
export const uploadFieldsSchema = z.strictObject({ name: z.string().trim().min(1).max(200).optional() });
export type UploadFields = z.infer<typeof uploadFieldsSchema>;

export const addUrlInput = z.object({
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2_000),
  name: z.string().trim().min(1).max(200).optional(),
});
export type AddUrlInput = z.infer<typeof addUrlInput>;

export const searchQuery = z.object({
  /** Words, "quoted phrases", `or`, and `-excluded` words (PostgreSQL's web search syntax). Empty finds nothing. */
  q: z.string().max(1_000).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
