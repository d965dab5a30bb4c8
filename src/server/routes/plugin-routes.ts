import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { describeTool, toolDescriptionView } from '../../tools/index.ts';
import { commonErrors } from '../route-schemas.ts';

const uiPage = z.object({ path: z.string(), title: z.string(), studio: z.string() });

/** What the loaded plugins add: UI pages the shell links, and the tools workflows can call. */
export function pluginRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get('/api/plugins', {
      schema: {
        tags: ['operations'], summary: 'Loaded plugins, the UI pages they add and the tools workflows can call',
        description: 'Each tool with its input and output as JSON Schema (null when it declares none), its rate limit per worker process and its price per call.',
        response: { 200: z.object({ plugins: z.array(z.string()), uiPages: z.array(uiPage), tools: z.array(toolDescriptionView) }), ...commonErrors },
      },
    }, async () => ({
      plugins: deps.plugins.plugins.map((p) => p.name), uiPages: deps.plugins.uiPages(),
      tools: deps.plugins.tools().map(describeTool),
    }));
  };
}
