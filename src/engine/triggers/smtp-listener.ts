import type { AddressInfo, Server } from 'node:net';
import type { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { tables } from '../../db/index.ts';
import { FoundryError, type Logger } from '../../kernel/index.ts';
import { triggerAddressOf } from './email-recipients.ts';
import { fireTrigger, triggerIdempotencyKey, type FireDeps } from './fire-trigger.ts';
import type { TriggerRow } from './triggers.ts';

/**
 * Inbound mail for email triggers: an SMTP listener (no AUTH, no TLS: put it behind your mail
 * relay or on loopback) that accepts mail only for addresses an active email trigger has, and
 * starts one run per such trigger with the parsed message as input.
 */

export interface SmtpListenerDeps extends FireDeps {
  logger: Logger;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  maxBytes: number;
}

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

export interface EmailRunInput {
  from: string | null;
  /** The recipient that reached the trigger. */
  to: string;
  subject: string;
  text: string;
  html: string | null;
  attachments: { filename: string | null; contentType: string; size: number }[];
}

const t = tables.workflowTriggers;

const smtpError = (responseCode: number, message: string) => Object.assign(new Error(message), { responseCode });

/** Active email triggers listening on a local part, in every workspace (an address belongs to one). */
async function triggersFor(deps: FireDeps, address: string): Promise<TriggerRow[]> {
  return deps.db.select().from(t).where(and(eq(t.kind, 'email'), eq(t.status, 'active'), sql`${t.config}->>'address' = ${address}`));
}

/** Reads the message, at most `maxBytes`; undefined when it was larger. */
async function readMessage(stream: Readable, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
  }
  return size > maxBytes ? undefined : Buffer.concat(chunks);
}

const firstAddress = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.value[0]?.address ?? null;

function inputOf(mail: ParsedMail, session: SMTPServerSession, recipient: string): EmailRunInput {
  return {
    from: firstAddress(mail.from) ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : null),
    to: recipient,
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : null,
    attachments: mail.attachments.map((a) => ({ filename: a.filename ?? null, contentType: a.contentType, size: a.size })),
  };
}

export async function startSmtpListener(deps: SmtpListenerDeps): Promise<SmtpListener> {
  async function deliver(message: Buffer, session: SMTPServerSession): Promise<void> {
    const mail = await simpleParser(message);
    const started = new Set<string>();
    let retry = false;
    for (const { address: recipient } of session.envelope.rcptTo) {
      const local = triggerAddressOf(recipient);
      if (local === undefined) continue;
      for (const trigger of await triggersFor(deps, local)) {
        if (started.has(trigger.id)) continue;
        started.add(trigger.id);
        try {
          await fireTrigger(deps, trigger, {
            input: inputOf(mail, session, recipient),
            ...(mail.messageId ? { idempotencyKey: triggerIdempotencyKey(trigger, mail.messageId) } : {}),
          });
        } catch (error) {
          // A run refused for its input will be refused again: keep the mail. Anything else: ask the sender to retry.
          if (!FoundryError.isInstance(error) || error.category !== 'user') retry = true;
        }
      }
    }
    if (retry) throw smtpError(451, 'Temporary failure starting a workflow; try again later');
  }

  const server = new SMTPServer({
    banner: 'Foundry workflow triggers',
    size: deps.maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideSTARTTLS: true,
    logger: false,
    closeTimeout: 5_000,
    onRcptTo(address, _session, callback) {
      const local = triggerAddressOf(address.address);
      if (local === undefined) return callback(smtpError(550, `No such mailbox: ${address.address}`));
      triggersFor(deps, local).then(
        (triggers) => callback(triggers.length > 0 ? null : smtpError(550, `No such mailbox: ${address.address}`)),
        (error: unknown) => {
          deps.logger.error({ err: error }, 'email trigger lookup failed');
          callback(smtpError(451, 'Temporary failure; try again later'));
        },
      );
    },
    onData(stream, session, callback) {
      readMessage(stream, deps.maxBytes)
        .then(async (message) => {
          if (message === undefined || stream.sizeExceeded) throw smtpError(552, `Message larger than ${deps.maxBytes} bytes`);
          await deliver(message, session);
        })
        .then(() => callback(), (error: unknown) => {
          const coded = (error as { responseCode?: number }).responseCode !== undefined;
          if (!coded) deps.logger.error({ err: error }, 'inbound mail could not be handled');
          callback(coded ? (error as Error) : smtpError(451, 'Temporary failure; try again later'));
        });
    },
  });
  server.on('error', (error) => deps.logger.warn({ err: error }, 'SMTP listener error'));

  const net = await new Promise<Server>((resolve, reject) => {
    const listening = server.listen(deps.port, deps.host, () => {
      listening.off('error', reject);
      resolve(listening);
    });
    listening.once('error', reject);
  });
  const port = (net.address() as AddressInfo).port;
  deps.logger.info({ host: deps.host, port }, 'SMTP listener for email triggers started');
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
