import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createCredential, createCredentialInput, credentialView, deleteCredential, getCredential, listCredentials,
  updateCredential, updateCredentialInput,
} from '../../vault/index.ts';
import type { AppDeps } from '../app-deps.ts';
import { contextOf } from '../request-context.ts';
import { commonErrors, idParams, items } from '../route-schemas.ts';

export function credentialRoutes(deps: AppDeps) {
  const vault = { db: deps.db, keys: deps.keys };
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['credentials'];
    r.get('/api/credentials', { schema: { tags, summary: 'Credentials of the workspace (never their secrets)', response: { 200: items(credentialView), ...commonErrors } } },
      async (request) => ({ items: await listCredentials(vault, contextOf(request)) }));
    r.post('/api/credentials', { schema: { tags, summary: 'Store a credential, encrypted at rest', body: createCredentialInput, response: { 201: credentialView, ...commonErrors } } },
      async (request, reply) => reply.status(201).send(await createCredential(vault, contextOf(request), request.body)));
    r.get('/api/credentials/:id', { schema: { tags, summary: "A credential's description", params: idParams, response: { 200: credentialView, ...commonErrors } } },
      async (request) => getCredential(vault, contextOf(request), request.params.id));
    r.patch('/api/credentials/:id', { schema: { tags, summary: 'Rename a credential or replace its secret', params: idParams, body: updateCredentialInput, response: { 200: credentialView, ...commonErrors } } },
      async (request) => updateCredential(vault, contextOf(request), request.params.id, request.body));
    r.delete('/api/credentials/:id', { schema: { tags, summary: 'Delete a credential', params: idParams, response: { 204: z.null(), ...commonErrors } } },
      async (request, reply) => {
        await deleteCredential(vault, contextOf(request), request.params.id);
        return reply.status(204).send(null);
      });
  };
}
