import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';
import { createTrigger, createWorkflow, waitForRunEnd } from './trigger-kit.ts';

/** Runs the curl + openssl signing recipe of docs/workflows.md, as written, against a listening Foundry. */

let foundry: TestFoundry;
let owner: Account;
let baseUrl: string;

beforeAll(async () => {
  foundry = await createTestFoundry();
  owner = await signUpUser(foundry, 'Recipe Owner');
  baseUrl = (await foundry.app.listen({ port: 0, host: '127.0.0.1' })).replace('[::1]', 'localhost');
});
afterAll(async () => {
  await foundry?.dispose();
});

async function recipe(): Promise<string> {
  const docs = await readFile(new URL('../../docs/workflows.md', import.meta.url), 'utf8');
  const block = /```sh\n(SECRET=[\s\S]*?)```/.exec(docs)?.[1];
  if (!block) throw new Error('docs/workflows.md has no ```sh block starting with SECRET=');
  return block;
}

describe('the documented webhook signing recipe', () => {
  it('starts a run when pasted with a real secret and URL', async () => {
    const workflowId = await createWorkflow(foundry, owner, 'Recipe flow');
    const trigger = await createTrigger(foundry, owner, workflowId, { kind: 'webhook', name: 'Recipe', config: { inputSchema: { type: 'object', required: ['orderId'] } } });
    const script = (await recipe())
      .replace(/^SECRET=.*$/m, `SECRET='${trigger.webhook!.secret!}'`)
      .replace(/^URL=.*$/m, `URL='${baseUrl}${trigger.webhook!.path}'`);
    expect(script).toContain('BODY=');
    const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script]);
    const { runId } = JSON.parse(stdout) as { runId: string };
    const run = await waitForRunEnd(foundry, owner, runId);
    expect(run).toMatchObject({ status: 'succeeded', input: { orderId: 42, email: 'ada@example.com' }, trigger: { kind: 'webhook', id: trigger.id } });
  });
});
