import { EventEmitter } from 'node:events';

/** A project-scoped event pushed to clients and other processes. */
export interface FoundryEvent {
  type: string;
  workspaceId: string;
  projectId?: string;
  data: Record<string, unknown>;
  at: string;
}

export type EventHandler = (event: FoundryEvent) => void;

export interface EventBus {
  publish(event: FoundryEvent): Promise<void>;
  /** Subscribes to every event of one workspace; returns the unsubscribe function. */
  subscribe(workspaceId: string, handler: EventHandler): () => void;
  close(): Promise<void>;
}

/** An in-process bus; the PostgreSQL bus in db/ fans out across processes on top of it. */
export function createLocalEventBus(): EventBus & { deliver(event: FoundryEvent): void } {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const deliver = (event: FoundryEvent) => {
    emitter.emit(event.workspaceId, event);
  };
  return {
    deliver,
    async publish(event) {
      deliver(event);
    },
    subscribe(workspaceId, handler) {
      emitter.on(workspaceId, handler);
      return () => emitter.off(workspaceId, handler);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}
