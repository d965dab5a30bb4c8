import type { EventBus } from '../kernel/index.ts';

/** Publishes a project event after its transaction committed; a lost notification loses no data. */
export async function publishProjectEvent(
  events: EventBus,
  { type, workspaceId, projectId, data }: { type: string; workspaceId: string; projectId: string; data: Record<string, unknown> },
): Promise<void> {
  await events.publish({ type, workspaceId, projectId, data, at: new Date().toISOString() }).catch(() => undefined);
}
