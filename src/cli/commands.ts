import { addChatCommand } from './chat-command.ts';
import { Command, Option } from 'commander';
import {
  createApiToken, logInInput, personalWorkspace, resolveContext, signUp, signUpInput,
} from '../auth/index.ts';
import { tables } from '../db/index.ts';
import { reencryptWebhookSecrets } from '../engine/index.ts';
import { FoundryError, ValidationError, systemClock, type ConfigInput } from '../kernel/index.ts';
import type { ProjectView } from '../projects/index.ts';
import { createProjectInput } from '../projects/index.ts';
import { addFileMasterKey, loadMasterKeys, reencryptCredentials } from '../vault/index.ts';
import { eq } from 'drizzle-orm';
import { clientOf, withApiOptions } from './api-options.ts';
import { withDatabase } from './admin-database.ts';
import { fail, print, table } from './cli-output.ts';
import { serve } from './serve.ts';
import { runWorker } from './worker.ts';
import { addRunCommands } from './run-commands.ts';
import { addWorkflowCommands } from './workflow-commands.ts';
import { addKnowledgeCommands } from './knowledge-commands.ts';
import { addMcpCommand } from './mcp-command.ts';
import { addUsageCommands } from './usage-commands.ts';

type Opts = { json?: boolean };

/** Wraps an action so every failure prints a clear message (or JSON) and exits non-zero. */
function action<A extends unknown[]>(fn: (...args: A) => Promise<void>) {
  return async (...args: A) => {
    const command = args.at(-1) as Command;
    try {
      await fn(...args);
    } catch (error) {
      fail(error, command.optsWithGlobals<Opts>());
    }
  };
}

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`);
  throw new ValidationError({ message: problems.join('; '), details: problems });
}

export function buildCli(): Command {
  const program = new Command('foundry')
    .description('Foundry: stateful AI partners for product, software, builder and brand projects.')
    .option('--json', 'print machine-readable JSON')
    .showHelpAfterError();

  program.command('serve')
    .description('start the API, the web UI and (by default) a worker; embedded PostgreSQL unless DATABASE_URL is set')
    .option('-p, --port <port>', 'HTTP port (env PORT, default 3000)')
    .option('--host <host>', 'interface to listen on (env HOST, default 127.0.0.1)')
    .option('--no-worker', 'API only (scaled deployments run `foundry worker` elsewhere)')
    .action(action(async (options: { port?: string; host?: string; worker: boolean }) => {
      const overrides: ConfigInput = {
        ...(options.port === undefined ? {} : { port: options.port }),
        ...(options.host === undefined ? {} : { host: options.host }),
      };
      await serve({ overrides: options.worker ? overrides : { ...overrides, worker: false } });
    }));

  program.command('worker')
    .description('run a workflow worker (no HTTP) against the shared PostgreSQL in DATABASE_URL; start as many as you like')
    .action(action(async () => {
      await runWorker({ overrides: {} });
    }));

  program.command('migrate')
    .description('apply pending database migrations')
    .action(action(async (_options: Opts, command: Command) => {
      await withDatabase(async (database) => {
        const result = await database.pool.query<{ count: string }>('select count(*) from drizzle.__drizzle_migrations');
        print({ mode: database.mode, applied: Number(result.rows[0]?.count ?? 0) }, command.optsWithGlobals(), () =>
          `Database (${database.mode}) is up to date: ${result.rows[0]?.count ?? 0} migrations applied.`);
      });
    }));

  const user = program.command('user').description('manage accounts');
  user.command('create')
    .description('create an account with its personal workspace')
    .requiredOption('--email <email>', 'email address')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--password <password>', 'password (at least 8 characters)').env('FOUNDRY_PASSWORD').makeOptionMandatory())
    .action(action(async (options: { email: string; name: string; password: string }, command: Command) => {
      const input = parse(signUpInput, options);
      await withDatabase(async (database, config) => {
        const result = await signUp({ db: database.db, clock: systemClock, sessionTtlHours: config.sessionTtlHours }, input);
        print({ user: result.user, workspace: result.workspace }, command.optsWithGlobals(), () =>
          `Created ${result.user.email} (user ${result.user.id}) with workspace "${result.workspace.name}" (${result.workspace.id}).`);
      });
    }));

  const token = program.command('token').description('manage API tokens');
  token.command('create')
    .description("create an API token for a user (printed once; use it as FOUNDRY_TOKEN or 'Authorization: Bearer')")
    .requiredOption('--email <email>', "the token owner's email")
    .option('--name <name>', 'what the token is for', 'cli')
    .option('--expires-in-days <days>', 'expiry in days (default: never)')
    .action(action(async (options: { email: string; name: string; expiresInDays?: string }, command: Command) => {
      const { email } = parse(logInInput.pick({ email: true }), options);
      const expiresInDays = options.expiresInDays === undefined ? undefined : Number(options.expiresInDays);
      if (expiresInDays !== undefined && (!Number.isInteger(expiresInDays) || expiresInDays < 1)) {
        throw new ValidationError({ message: '--expires-in-days must be a positive whole number.' });
      }
      await withDatabase(async (database) => {
        const [row] = await database.db.select().from(tables.users).where(eq(tables.users.email, email)).limit(1);
        if (!row) throw new FoundryError({ code: 'USER_NOT_FOUND', status: 404, message: `No account uses ${email}; create it with \`foundry user create\`.` });
        const workspace = await personalWorkspace(database.db, row.id);
        const ctx = await resolveContext(database.db, { user: row, workspaceId: workspace.id });
        const created = await createApiToken(database.db, ctx, { name: options.name, expiresInDays, clock: systemClock });
        print(created, command.optsWithGlobals(), () => `${created.token}\n(token "${created.name}" for ${email}; it is shown only once)`);
      });
    }));

  const vault = program.command('vault').description('manage the credential vault');
  vault.command('rotate')
    .description('add a new master key (key file mode) and re-encrypt every credential with the active key')
    .action(action(async (_options: Opts, command: Command) => {
      await withDatabase(async (database, config) => {
        let added: string | undefined;
        if (!config.masterKey) {
          await loadMasterKeys({ dataDir: config.dataDir });
          added = await addFileMasterKey(config.dataDir);
        }
        const keys = await loadMasterKeys({ masterKey: config.masterKey, dataDir: config.dataDir });
        const changed = await reencryptCredentials({ db: database.db, keys });
        const secrets = await reencryptWebhookSecrets({ db: database.db, keys });
        print({ activeKey: keys.active.id, added: added ?? null, reencrypted: changed, webhookSecrets: secrets }, command.optsWithGlobals(), () =>
          `Active key ${keys.active.id}${added ? ' (new)' : ' (from FOUNDRY_MASTER_KEY)'}; re-encrypted ${changed} credentials and ${secrets} webhook secrets.`);
      });
    }));

  const project = withApiOptions(program.command('project').description('projects, through the HTTP API of a running Foundry'));
  const client = clientOf;
  const projectLine = (p: ProjectView) => `${p.id}  ${p.name}  [${p.studio}, ${p.status}]`;

  project.command('list')
    .description('list projects')
    .option('--status <status>', 'active | on_hold | completed | archived')
    .option('--studio <studio>', 'product | software | builder | brand')
    .action(action(async (options: { status?: string; studio?: string }, command: Command) => {
      const query = new URLSearchParams({ limit: '100', ...(options.status ? { status: options.status } : {}), ...(options.studio ? { studio: options.studio } : {}) });
      const result = await client(command)<{ items: ProjectView[] }>('GET', `/api/projects?${query}`);
      print(result.items, command.optsWithGlobals(), () => table(result.items, ['id', 'name', 'studio', 'status', 'stage']));
    }));

  project.command('create')
    .description('create a project')
    .requiredOption('--name <name>', 'project name')
    .requiredOption('--studio <studio>', 'product | software | builder | brand')
    .option('--description <text>', 'what the project is about')
    .action(action(async (options: { name: string; studio: string; description?: string }, command: Command) => {
      const body = parse(createProjectInput, options);
      const created = await client(command)<ProjectView>('POST', '/api/projects', body);
      print(created, command.optsWithGlobals(), () => `Created ${projectLine(created)}`);
    }));

  project.command('show <id>')
    .description('show a project')
    .action(action(async (id: string, _options: Opts, command: Command) => {
      const shown = await client(command)<ProjectView>('GET', `/api/projects/${encodeURIComponent(id)}`);
      print(shown, command.optsWithGlobals(), () =>
        [projectLine(shown), shown.description, `stage: ${shown.stage ?? '-'}  category: ${shown.category ?? '-'}  your role: ${shown.role}`, `created ${shown.createdAt}`]
          .filter(Boolean).join('\n'));
    }));

  addWorkflowCommands(program, action);
  addRunCommands(program, action);
  addKnowledgeCommands(program, action);
  addChatCommand(program, action);
  addUsageCommands(program, action);
  addMcpCommand(program, action);
  return program;
}
