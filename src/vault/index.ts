/** Vault: credentials encrypted at rest with AES-256-GCM under rotatable master keys. */
export * from './credential-schemas.ts';
export { loadMasterKeys, addFileMasterKey, type MasterKeys } from './master-keys.ts';
export {
  createCredential, listCredentials, getCredential, updateCredential, deleteCredential, revealCredential, reencryptCredentials, credentialNames,
  type VaultDeps,
} from './credentials.ts';
