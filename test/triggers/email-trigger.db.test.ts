import { createTransport, type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTriggerRuntime, type TriggerRuntime } from '../../src/engine/index.ts';
import { createLogger, freePort } from '../../src/kernel/index.ts';
import { createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';
import { apiAs, createTrigger, createWorkflow, runDepsOf, waitForRunEnd, waitForRuns } from './trigger-kit.ts';

const logger = createLogger({ level: 'silent' });
const maxBytes = 16 * 1024;
let foundry: TestFoundry;
let owner: Account;
let runtime: TriggerRuntime;
let transport: Transporter;

beforeAll(async () => {
  foundry = await createTestFoundry();
  owner = await signUpUser(foundry, 'Mail Owner');
  const config = { ...foundry.config, smtpPort: await freePort(), smtpHost: '127.0.0.1', smtpMaxBytes: maxBytes };
  runtime = await startTriggerRuntime({ ...runDepsOf(foundry), config, logger, keys: foundry.deps.keys });
  expect(runtime.smtpPort).toBe(config.smtpPort);
  transport = createTransport({ host: '127.0.0.1', port: runtime.smtpPort!, secure: false, ignoreTLS: true });
});
afterAll(async () => {
  transport?.close();
  await runtime?.close();
  await foundry?.dispose();
});

const responseCode = async (sending: Promise<unknown>) => {
  try {
    await sending;
    return 250;
  } catch (error) {
    return (error as { responseCode?: number }).responseCode;
  }
};

describe('email triggers', () => {
  it('starts a run per active trigger of the address with the parsed message', async () => {
    const workflowId = await createWorkflow(foundry, owner, 'Handle order mail');
    const second = await createWorkflow(foundry, owner, 'Archive order mail');
    const trigger = await createTrigger(foundry, owner, workflowId, { kind: 'email', name: 'Orders inbox', config: { address: 'orders' } });
    const archive = await createTrigger(foundry, owner, second, { kind: 'email', name: 'Archive', config: { address: 'orders' } });

    const info = await transport.sendMail({
      from: 'Ada <ada@customer.example>', to: ['Orders+EU@shop.example', 'orders@other.example'], subject: 'Order 42',
      text: 'Two boxes, please.', html: '<p>Two boxes, <b>please</b>.</p>',
      attachments: [{ filename: 'po.csv', content: 'sku,qty\nA-1,2\n', contentType: 'text/csv' }],
    });
    expect(info.accepted).toHaveLength(2);

    const [run] = await waitForRuns(foundry, owner, workflowId, 1);
    expect(run!.trigger).toEqual({ kind: 'email', id: trigger.id });
    const ended = await waitForRunEnd(foundry, owner, run!.id);
    expect(ended.status).toBe('succeeded');
    expect(ended.input).toEqual({
      from: 'ada@customer.example', to: 'Orders+EU@shop.example', subject: 'Order 42', text: 'Two boxes, please.', html: '<p>Two boxes, <b>please</b>.</p>',
      attachments: [{ filename: 'po.csv', contentType: 'text/csv', size: 14 }],
    });
    const [archived] = await waitForRuns(foundry, owner, second, 1);
    expect(archived!.trigger).toEqual({ kind: 'email', id: archive.id });
    // Two recipients reached the same trigger: still one run each.
    expect(await waitForRuns(foundry, owner, workflowId, 1)).toHaveLength(1);
  });

  it('refuses unknown and paused addresses at RCPT with 550, keeping the known ones', async () => {
    const workflowId = await createWorkflow(foundry, owner, 'Support mail');
    const trigger = await createTrigger(foundry, owner, workflowId, { kind: 'email', name: 'Support', config: { address: 'support' } });
    expect(await responseCode(transport.sendMail({ from: 'x@y.example', to: 'nobody@shop.example', subject: 'Hello', text: 'hi' }))).toBe(550);

    const mixed = await transport.sendMail({ from: 'x@y.example', to: ['nobody@shop.example', 'support@shop.example'], subject: 'Help', text: 'help' });
    expect(mixed.accepted).toEqual(['support@shop.example']);
    expect(mixed.rejected).toEqual(['nobody@shop.example']);
    await waitForRuns(foundry, owner, workflowId, 1);

    await apiAs(foundry, owner)('PATCH', `/api/triggers/${trigger.id}`, { status: 'paused' });
    expect(await responseCode(transport.sendMail({ from: 'x@y.example', to: 'support@shop.example', subject: 'Again', text: 'again' }))).toBe(550);
  });

  it('refuses a message over the size limit with 552 and starts nothing', async () => {
    const workflowId = await createWorkflow(foundry, owner, 'Big mail');
    await createTrigger(foundry, owner, workflowId, { kind: 'email', name: 'Uploads', config: { address: 'uploads' } });
    const big = { from: 'x@y.example', to: 'uploads@shop.example', subject: 'Large', text: 'x'.repeat(maxBytes * 2) };
    expect(await responseCode(transport.sendMail(big))).toBe(552);
    const small = await transport.sendMail({ ...big, subject: 'Small', text: 'fits' });
    expect(small.accepted).toEqual(['uploads@shop.example']);
    const runs = await waitForRuns(foundry, owner, workflowId, 1);
    expect(runs).toHaveLength(1);
    expect(((await waitForRunEnd(foundry, owner, runs[0]!.id)).input as { subject: string }).subject).toBe('Small');
  });
});
