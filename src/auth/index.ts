/** Auth: accounts, sessions, API tokens, workspaces, memberships and roles, the audit log. */
export * from './auth-schemas.ts';
export { signUp, logIn, personalWorkspace, type SignedIn, type AccountDeps, type AuditMeta } from './accounts.ts';
export { revokeSession } from './sessions.ts';
export { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
export { authenticateToken, resolveContext, type Authenticated } from './authenticate.ts';
export { listWorkspaces, createWorkspace, currentWorkspace, listMembers, addMember, changeMemberRole, removeMember } from './workspaces.ts';
export { recordAudit, listAudit, type AuditEntry, type AuditEventView } from './audit-log.ts';
export { hashPassword } from './password-hash.ts';
