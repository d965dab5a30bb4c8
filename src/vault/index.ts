/** Vault: credentials encrypted at rest with AES-256-GCM under rotatable master keys. */
export * from './credential-schemas.ts';
export { loadMasterKeys, addFileMasterKey, type MasterKeys } from './master-keys.ts';
export {
  createCredential, listCredentials, getCredential, updateCredential, deleteCredential, revealCredential, reencryptCredentials, credentialNames,
  type VaultDeps,
} from './credentials.ts';
/** AES-256-GCM under a master key, for other layers that store a secret of their own (webhook trigger secrets). */
export { seal, open } from './aes-gcm.ts';
