import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { NotFoundError, RateLimitedError, isId, newId } from '../kernel/index.ts';
import type { AppDeps } from './app-deps.ts';
import { errorHandler } from './error-handler.ts';
import { registerMetrics } from './metrics.ts';
import { authenticateRequests } from './request-context.ts';
import { artifactRoutes } from './routes/artifact-routes.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { credentialRoutes } from './routes/credential-routes.ts';
import { eventRoutes } from './routes/event-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { knowledgeRoutes } from './routes/knowledge-routes.ts';
import { projectFileRoutes } from './routes/project-file-routes.ts';
import { messageRoutes } from './routes/message-routes.ts';
import { modelSettingsRoutes } from './routes/model-settings-routes.ts';
import { pluginRoutes } from './routes/plugin-routes.ts';
import { projectRoutes } from './routes/project-routes.ts';
import { runRoutes } from './routes/run-routes.ts';
import { tokenRoutes } from './routes/token-routes.ts';
import { triggerRoutes } from './routes/trigger-routes.ts';
import { usageRoutes } from './routes/usage-routes.ts';
import { workflowRoutes } from './routes/workflow-routes.ts';
import { workspaceRoutes } from './routes/workspace-routes.ts';
import { isPageRequest, registerWebUi, sendIndex } from './web-ui.ts';

export interface RouteInfo {
  method: string;
  url: string;
  public: boolean;
  hasBody: boolean;
}

export interface FoundryApp {
  app: FastifyInstance;
  /** Every API route, as registered: the tenant-isolation and bad-input tests walk this list. */
  routes: RouteInfo[];
}

const version = '0.1.0';

/** Builds the HTTP application: routes, validation, errors, auth, OpenAPI, metrics and the UI. */
export async function buildApp(deps: AppDeps): Promise<FoundryApp> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => newId(),
    routerOptions: { maxParamLength: 200 },
    // Router errors (a badly encoded URL, an over-long parameter) get our error body too.
    frameworkErrors: (error, request, reply) => {
      // The onRequest hooks do not run for these, so the request id is set here.
      if (!isId(request.id)) request.id = newId();
      void reply.header('x-request-id', request.id);
      errorHandler(error, request, reply);
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    // The documentation UI and its assets are as public as /api/openapi.json.
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, public: true };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || !route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) continue;
      const schema = route.schema as { body?: unknown; description?: string } | undefined;
      routes.push({
        method, url: route.url, public: Boolean(route.config?.public),
        hasBody: Boolean(schema?.body) || (schema?.description ?? '').includes('multipart'),
      });
    }
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!isId(request.id)) request.id = newId();
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: deps.config.artifactMaxBytes, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 25 },
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new RateLimitedError({ message: `Too many attempts; try again in ${Math.ceil(context.ttl / 1000)} s.`, details: { retryAfterSeconds: Math.ceil(context.ttl / 1000) } }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Foundry API', version, description: 'Errors are `{"error":{"code","message","details"}}`. Authenticate with `Authorization: Bearer <token>` or the session cookie; choose the workspace with `X-Foundry-Workspace`.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'foundry_session' } } },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  const registry = registerMetrics(app, deps.worker);
  app.addHook('onRequest', authenticateRequests(deps));

  await app.register(healthRoutes(deps, registry));
  await app.register(authRoutes(deps));
  await app.register(workspaceRoutes(deps));
  await app.register(tokenRoutes(deps));
  await app.register(projectRoutes(deps));
  await app.register(messageRoutes(deps));
  await app.register(eventRoutes(deps));
  await app.register(artifactRoutes(deps));
  await app.register(knowledgeRoutes(deps));
  await app.register(projectFileRoutes(deps));
  await app.register(credentialRoutes(deps));
  await app.register(pluginRoutes(deps));
  await app.register(workflowRoutes(deps));
  await app.register(triggerRoutes(deps));
  await app.register(runRoutes(deps));
  await app.register(usageRoutes(deps));
  await app.register(modelSettingsRoutes(deps));
  for (const plugin of deps.plugins.plugins) {
    if (plugin.routes) await app.register(plugin.routes);
  }

  const hasUi = await registerWebUi(app, deps.config.webDir);
  app.setNotFoundHandler(async (request, reply) => {
    if (hasUi && isPageRequest(request)) return sendIndex(reply);
    throw new NotFoundError({ code: 'ROUTE_NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}.` });
  });
  await app.ready();
  return { app, routes };
}
