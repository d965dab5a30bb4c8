import pg from 'pg';
import { createLocalEventBus, type EventBus, type FoundryEvent, type Logger } from '../kernel/index.ts';

/** The NOTIFY channel of the event bus: a transaction may `pg_notify` on it to publish at commit. */
export const eventChannel = 'foundry_events';
/** NOTIFY payloads are limited to 8000 bytes; larger events carry a pointer-free summary. */
const maxPayload = 7900;

/** The NOTIFY payload of an event, cut down to a summary when it is too large. */
export function eventPayload(event: FoundryEvent): string {
  const payload = JSON.stringify(event);
  if (Buffer.byteLength(payload) <= maxPayload) return payload;
  // Keep the id of what changed (the event's own, or its message's), so a listener can fetch it.
  const message = event.data.message as { id?: unknown } | undefined;
  return JSON.stringify({ ...event, data: { truncated: true, id: event.data.id ?? message?.id ?? null } });
}

/**
 * Fans events out to every process on the database through LISTEN/NOTIFY. A process delivers its
 * own events through the notification too, so every subscriber sees one ordered stream.
 */
export async function createPgEventBus({ url, logger }: { url: string; logger: Logger }): Promise<EventBus> {
  const local = createLocalEventBus();
  const listener = new pg.Client({ connectionString: url });
  const publisher = new pg.Pool({ connectionString: url, max: 2 });
  let closed = false;
  listener.on('notification', (message) => {
    if (!message.payload) return;
    try {
      local.deliver(JSON.parse(message.payload) as FoundryEvent);
    } catch (error) {
      logger.warn({ err: error }, 'ignoring a malformed event notification');
    }
  });
  // An idle pooled connection that dies (a database restart) must not crash the process.
  publisher.on('error', (error) => {
    if (!closed) logger.warn({ err: error }, 'idle event publisher connection failed');
  });
  listener.on('error', (error) => {
    if (!closed) logger.error({ err: error }, 'event listener connection failed');
  });
  await listener.connect();
  await listener.query(`listen ${eventChannel}`);
  return {
    async publish(event) {
      await publisher.query('select pg_notify($1, $2)', [eventChannel, eventPayload(event)]);
    },
    subscribe: local.subscribe,
    async close() {
      closed = true;
      await local.close();
      await listener.end().catch(() => undefined);
      await publisher.end();
    },
  };
}
