import type { Db } from '../db/index.ts';
import type { EventBus } from '../kernel/index.ts';
import { replyTo, type MessageView } from '../projects/index.ts';

/**
 * Waits up to `waitMs` for the agent's reply to a message: it checks when the project announces a
 * new message, and once a second in case an announcement was missed. Undefined when time ran out.
 */
export async function awaitReply(deps: { db: Db; events: EventBus }, message: { id: string; workspaceId: string; projectId: string }, waitMs: number): Promise<MessageView | undefined> {
  const check = () => replyTo(deps.db, { ...message, seq: 0 }, message.id);
  if (waitMs <= 0) return undefined;
  return new Promise<MessageView | undefined>((resolve, reject) => {
    let settled = false;
    let checking = false;
    const finish = (value: MessageView | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(poll);
      unsubscribe();
      resolve(value);
    };
    const look = () => {
      if (settled || checking) return;
      checking = true;
      check().then((found) => { checking = false; if (found) finish(found); }, (error: unknown) => { settled = true; clearTimeout(timer); clearInterval(poll); unsubscribe(); reject(error); });
    };
    const unsubscribe = deps.events.subscribe(message.workspaceId, (event) => {
      if (event.projectId === message.projectId && event.type === 'message.created') look();
    });
    const timer = setTimeout(() => void check().then(finish, reject), waitMs);
    const poll = setInterval(look, 1000);
    look();
  });
}
