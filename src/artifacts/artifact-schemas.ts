import { z } from 'zod';

export const artifactVersionView = z.object({
  id: z.uuid(),
  artifactId: z.uuid(),
  version: z.number().int(),
  sha256: z.string(),
  size: z.number().int(),
  contentType: z.string(),
  parentVersionId: z.uuid().nullable(),
  producer: z.string(),
  prompt: z.string().nullable(),
  parameters: z.record(z.string(), z.unknown()),
  metadata: z.record(z.string(), z.unknown()),
  createdBy: z.uuid().nullable(),
  createdAt: z.string(),
});
export type ArtifactVersionView = z.infer<typeof artifactVersionView>;

export const artifactView = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  name: z.string(),
  kind: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  latestVersion: artifactVersionView.nullable(),
});
export type ArtifactView = z.infer<typeof artifactView>;

/** Lineage and description of a new version, sent as multipart fields next to the file. */
export const versionFieldsSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  producer: z.string().trim().min(1).max(100).optional(),
  prompt: z.string().max(20_000).optional(),
  parentVersionId: z.uuid().optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});
export type VersionFields = z.infer<typeof versionFieldsSchema>;
