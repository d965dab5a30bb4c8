/** Artifacts: versioned, content-addressed files with lineage. */
export * from './artifact-schemas.ts';
export { createFileBlobStore, type BlobStore, type StoredBlob, type PutOptions } from './blob-store.ts';
export { checkContentType, acceptedContentTypes, isInlineSafe } from './content-type.ts';
export {
  receiveFile, createArtifact, addArtifactVersion, listArtifacts, getArtifact, openArtifactVersion, deleteArtifact,
  type ArtifactDeps, type Upload, type ReceivedFile,
} from './artifacts.ts';
