import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFoundry, type RunningFoundry } from '../../src/server/index.ts';
import { createTestDatabaseUrl } from '../support/test-database.ts';
import { cliPath, runCli } from '../support/cli-process.ts';

/** `foundry run` and `foundry runs …` as a user runs them: the real CLI process against a real server. */


let database: { url: string; drop(): Promise<void> };
let dataDir: string;
let server: RunningFoundry;
let token: string;

const env = () => ({ PATH: process.env.PATH ?? '', DATABASE_URL: database.url, FOUNDRY_DATA_DIR: dataDir, FOUNDRY_URL: server.url, ...(token ? { FOUNDRY_TOKEN: token } : {}) });

async function foundry(args: string[]) {
  return runCli(args, env());
}

/** The CLI in the background: its output so far, a way to wait for some text, and its exit. */
function background(args: string[]) {
  const child = spawn(process.execPath, [cliPath, ...args], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters: (() => void)[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const w of waiters.splice(0)) w();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return {
    output: () => ({ stdout, stderr }),
    exited,
    interrupt: () => child.kill('SIGINT'),
    async until(pattern: RegExp): Promise<RegExpExecArray> {
      for (;;) {
        const match = pattern.exec(stdout);
        if (match) return match;
        if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}) before printing ${pattern}\n${stdout}\n${stderr}`);
        await Promise.race([new Promise<void>((resolve) => waiters.push(resolve)), exited]);
      }
    },
  };
}

const node = (id: string, type: string, name: string, config?: Record<string, unknown>) => ({ id, type, name, ...(config ? { config } : {}) });
const chain = (name: string, nodes: ReturnType<typeof node>[]) => ({
  name, nodes, edges: nodes.slice(1).map((n, i) => ({ from: nodes[i]!.id, to: n.id })),
});

const echo = chain('Echo', [node('start', 'trigger', 'Start'), node('result', 'output', 'Result', { value: 'input' })]);
const broken = chain('Broken', [node('start', 'trigger', 'Start'), node('result', 'output', 'Result', { value: '$error("it broke")' })]);
const approval = chain('Approved echo', [
  node('start', 'trigger', 'Start'),
  node('review', 'approval', 'Review', { message: '"Publish " & input.title & "?"' }),
  node('result', 'output', 'Result', { value: 'input' }),
]);

async function file(name: string, value: unknown): Promise<string> {
  const path = join(dataDir, name);
  await writeFile(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(path, server.url), {
    method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

beforeAll(async () => {
  database = await createTestDatabaseUrl();
  dataDir = await mkdtemp(join(tmpdir(), 'foundry-run-cli-'));
  server = await startFoundry({ config: { databaseUrl: database.url, dataDir, port: 0, logLevel: 'silent', webDir: join(dataDir, 'none') }, env: {} });
  expect((await foundry(['user', 'create', '--email', 'runner@example.com', '--name', 'Runner', '--password', 'long enough pass'])).code).toBe(0);
  token = JSON.parse((await foundry(['--json', 'token', 'create', '--email', 'runner@example.com'])).stdout).token as string;
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('foundry run', () => {
  it('runs a workflow file to the end and prints only the final run with --wait --json', async () => {
    const flow = await file('echo.json', echo);
    const result = await foundry(['run', flow, '--input', '{"title":"Hello"}', '--wait', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const run = JSON.parse(result.stdout);
    expect(run).toMatchObject({ name: 'Echo', status: 'succeeded', workflowId: null, input: { title: 'Hello' }, error: null, progress: { done: 2, total: 2 } });
    expect(JSON.stringify(run.output)).toContain('Hello');
    expect(run.steps.map((s: { nodeId: string; status: string; attempts: unknown[] }) => [s.nodeId, s.status])).toEqual([['start', 'succeeded'], ['result', 'succeeded']]);
  });

  it('follows with one line per event off a terminal, then the outcome', async () => {
    const flow = await file('echo.json', echo);
    const result = await foundry(['run', flow, '--input', '{"title":"Lines"}', '--wait']);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Started run [0-9a-f-]{36} \(Echo\)\.$/);
    expect(result.stdout).toMatch(/run\.started\s+running/);
    expect(result.stdout).toMatch(/step\.succeeded\s+result \(Result\)/);
    expect(result.stdout).toMatch(/run\.completed\s+succeeded 2\/2/);
    expect(result.stdout).toMatch(/Run [0-9a-f-]{36} succeeded\.\nOutput: /);
  });

  it('exits 1 when the run fails, and says why', async () => {
    const result = await foundry(['run', await file('broken.json', broken), '--wait']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Run [0-9a-f-]{36} failed: \S+: .*\(at result\)/);
    const json = await foundry(['run', await file('broken.json', broken), '--wait', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'failed', error: { nodeId: 'result' } });
  });

  it('reads the input from @file, and starts without waiting', async () => {
    const input = await file('input.json', { title: 'From a file', tags: ['a', 'b'] });
    const result = await foundry(['run', await file('echo.json', echo), '--input', `@${input}`, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'queued', input: { title: 'From a file', tags: ['a', 'b'] } });

    const human = await foundry(['run', await file('echo.json', echo), '--input', `@${input}`]);
    expect(human.stdout).toMatch(/^Started run [0-9a-f-]{36} \(queued\)\.\n {2}follow it: foundry runs watch [0-9a-f-]{36}\n$/);
  });

  it('refuses malformed input before starting anything', async () => {
    const before = await api<{ items: unknown[] }>('GET', '/api/runs?limit=200');
    const inline = await foundry(['run', await file('echo.json', echo), '--input', '{"title":']);
    expect(inline.code).toBe(1);
    expect(inline.stderr).toMatch(/--input is not valid JSON: .*Pass JSON text .* or @file\.json\. \(MALFORMED_JSON\)/);
    const fromFile = await foundry(['--json', 'run', await file('echo.json', echo), '--input', `@${await file('bad-input.json', 'not json')}`]);
    expect(fromFile.code).toBe(1);
    expect(JSON.parse(fromFile.stdout).error.code).toBe('MALFORMED_JSON');
    const missing = await foundry(['run', await file('echo.json', echo), '--input', '@/nonexistent/input.json']);
    expect(missing.stderr).toContain('FILE_UNREADABLE');
    expect((await api<{ items: unknown[] }>('GET', '/api/runs?limit=200')).items).toHaveLength(before.items.length);
  });

  it('explains an unknown workflow id and a path that is neither', async () => {
    const unknown = await foundry(['run', '00000000-0000-4000-8000-000000000000', '--wait']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error: .+ \(WORKFLOW_NOT_FOUND\)\n$/);
    const neither = await foundry(['run', 'no-such-flow.json']);
    expect(neither.code).toBe(1);
    expect(neither.stderr).toContain('Cannot read no-such-flow.json (neither a workflow id, which is a UUID, nor a readable file). (FILE_UNREADABLE)');
    const version = await foundry(['run', await file('echo.json', echo), '--version', '2']);
    expect(version.stderr).toContain('--version applies to a saved workflow');
  });

  it('runs a saved workflow by id, latest or a given version', async () => {
    const workflow = await api<{ id: string }>('POST', '/api/workflows', { definition: echo });
    const latest = await foundry(['run', workflow.id, '--input', '{"title":"Saved"}', '--wait', '--json']);
    expect(latest.code, latest.stderr).toBe(0);
    expect(JSON.parse(latest.stdout)).toMatchObject({ workflowId: workflow.id, workflowVersion: 1, status: 'succeeded' });
    const pinned = await foundry(['run', workflow.id, '--version', '1', '--json']);
    expect(JSON.parse(pinned.stdout)).toMatchObject({ workflowId: workflow.id, workflowVersion: 1 });
    const missingVersion = await foundry(['run', workflow.id, '--version', '9']);
    expect(missingVersion.code).toBe(1);
    expect(missingVersion.stderr).toMatch(/\([A-Z_]+\)\n$/);
  });
});

describe('foundry runs', () => {
  it('lists and shows runs with their steps and attempts', async () => {
    const started = JSON.parse((await foundry(['run', await file('echo.json', echo), '--input', '{"title":"Shown"}', '--wait', '--json'])).stdout);
    const list = await foundry(['runs', 'list', '--status', 'succeeded']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/^ID\s+NAME\s+STATUS\s+PROGRESS\s+TRIGGER\s+CREATED$/);
    expect(list.stdout).toMatch(new RegExp(`${started.id}\\s+Echo\\s+succeeded\\s+2/2\\s+manual`));
    expect((await foundry(['runs', 'list', '--status', 'failed'])).stdout).not.toContain(started.id);
    const json = JSON.parse((await foundry(['--json', 'runs', 'list'])).stdout) as { id: string }[];
    expect(json[0]!.id).toBe(started.id);

    const shown = await foundry(['runs', 'show', started.id]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(new RegExp(`^Run ${started.id}\\s+Echo\\s+succeeded\\s+2/2\\n`));
    expect(shown.stdout).toMatch(/STEP\s+NAME\s+TYPE\s+STATUS\s+ATTEMPTS\s+ERROR/);
    expect(shown.stdout).toMatch(/start\s+Start\s+trigger\s+succeeded/);
    expect(shown.stdout).toMatch(/result\s+Result\s+output\s+succeeded/);
    expect(shown.stdout).toContain('Input: {\n  "title": "Shown"\n}');

    const failed = JSON.parse((await foundry(['run', await file('broken.json', broken), '--wait', '--json'])).stdout);
    const failedShown = await foundry(['runs', 'show', failed.id]);
    expect(failedShown.stdout).toMatch(/error: EXPRESSION_FAILED: .*it broke \(at result\)/);
    expect(failedShown.stdout).toMatch(/result\s+Result\s+output\s+failed\s+-\s+EXPRESSION_FAILED: .*it broke/);

    const unknown = await foundry(['runs', 'show', '00000000-0000-4000-8000-000000000000']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/\(RUN_NOT_FOUND\)/);
  });

  it('waits for an approval, says how to give it, and ends when it is approved', async () => {
    const flow = await file('approval.json', approval);
    const waiting = background(['run', flow, '--input', '{"title":"the digest"}', '--wait']);
    const [, runId, nodeId] = await waiting.until(/approve: foundry runs approve ([0-9a-f-]{36}) (\S+) \[--comment TEXT\]/);
    expect(nodeId).toBe('review');
    expect(waiting.output().stdout).toContain('Waiting for approval of "Review" (approver role: editor or above): Publish the digest?');

    const shown = await foundry(['runs', 'show', runId!]);
    expect(shown.stdout).toMatch(/review\s+Review\s+approval\s+waiting/);
    expect(shown.stdout).toContain(`approve: foundry runs approve ${runId} review`);

    const approved = await foundry(['runs', 'approve', runId!, 'review', '--comment', 'ship it']);
    expect(approved.code, approved.stderr).toBe(0);
    expect(approved.stdout).toMatch(new RegExp(`^review approved; run ${runId} is now (queued|running|succeeded)\\.\\n$`));

    expect(await waiting.exited).toBe(0);
    const { stdout } = waiting.output();
    expect(stdout).toMatch(/step\.approved\s+review \(Review\): ship it/);
    expect(stdout).toContain(`Run ${runId} succeeded.`);
    expect((await foundry(['runs', 'approve', runId!, 'review'])).stderr).toContain('STEP_NOT_AWAITING_APPROVAL');
  });

  it('rejects an approval: the wait ends with exit 1', async () => {
    const waiting = background(['run', await file('approval.json', approval), '--input', '{"title":"x"}', '--wait']);
    const [, runId] = await waiting.until(/approve: foundry runs approve ([0-9a-f-]{36}) review/);
    const rejected = await foundry(['--json', 'runs', 'reject', runId!, 'review', '--comment', 'not now']);
    expect(rejected.code, rejected.stderr).toBe(0);
    expect(await waiting.exited).toBe(1);
    expect(waiting.output().stdout).toMatch(new RegExp(`Run ${runId} failed: APPROVAL_REJECTED`));
  });

  it('pauses, resumes and cancels; refuses what the state forbids; watch ends on cancel', async () => {
    const run = JSON.parse((await foundry(['--json', 'run', await file('approval.json', approval), '--input', '{"title":"t"}'])).stdout) as { id: string };
    const watching = background(['runs', 'watch', run.id]);
    await watching.until(/approve: foundry runs approve/);

    const paused = await foundry(['runs', 'pause', run.id]);
    expect(paused.stdout).toBe(`Run ${run.id} paused; it is now paused.\n`);
    const resumed = await foundry(['runs', 'resume', run.id]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(new RegExp(`^Run ${run.id} resumed; it is now \\w+\\.\\n$`));
    const cancelled = await foundry(['--json', 'runs', 'cancel', run.id]);
    expect(JSON.parse(cancelled.stdout)).toMatchObject({ id: run.id, status: 'cancelled' });

    expect(await watching.exited).toBe(1);
    expect(watching.output().stdout).toMatch(new RegExp(`Run ${run.id} cancelled: RUN_CANCELLED`));
    const again = await foundry(['runs', 'cancel', run.id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('INVALID_RUN_TRANSITION');
  });

  it('stops following on Ctrl-C and leaves the run running', async () => {
    const waiting = background(['run', await file('approval.json', approval), '--input', '{"title":"t"}', '--wait']);
    const [, runId] = await waiting.until(/approve: foundry runs approve ([0-9a-f-]{36}) review/);
    await waiting.until(/run\.waiting\s+waiting/);
    waiting.interrupt();
    expect(await waiting.exited).toBe(130);
    expect(waiting.output().stderr).toContain(`Stopped following run ${runId}; it keeps running (waiting).`);
    expect((await api<{ status: string }>('GET', `/api/runs/${runId}`)).status).toBe('waiting');
  });
});
