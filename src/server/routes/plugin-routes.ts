import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { commonErrors } from '../route-schemas.ts';

const uiPage = z.object({ path: z.string(), title: z.string(), studio: z.string() });

/** What the loaded studio plugins add to the UI, so the shell can link their pages. */
export function pluginRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get('/api/plugins', {
      schema: {
        tags: ['operations'], summary: 'Loaded studio plugins and the UI pages they add',
        response: { 200: z.object({ plugins: z.array(z.string()), uiPages: z.array(uiPage) }), ...commonErrors },
      },
    }, async () => ({ plugins: deps.plugins.plugins.map((p) => p.name), uiPages: deps.plugins.uiPages() }));
  };
}
