import { and, asc, desc, eq, gt, lte } from 'drizzle-orm';
import { tables, type Db } from '../db/index.ts';
import type { ChatMessage } from '../models/index.ts';
import type { ScopedModels } from './scoped-models.ts';

export interface MemoryTurn extends ChatMessage {
  seq: number;
  agent: string | null;
}

/** A project's conversation as a turn sees it: the rolling summary of older turns plus the recent ones. */
export interface ProjectMemory {
  summary: string;
  /** The last message the summary covers. */
  summaryThroughSeq: number;
  /** Oldest first, up to and including the message being answered. */
  recent: MemoryTurn[];
}

/** How many recent messages a turn loads; older ones reach it through the summary. */
export const recentTurnLimit = 40;
/** Older messages wait until this many are unsummarised, then are folded in together. */
const foldBatch = 20;
const summarySentences = 12;

export async function loadProjectMemory(db: Db, scope: { workspaceId: string; projectId: string }, throughSeq: number): Promise<ProjectMemory> {
  const [memory] = await db.select().from(tables.projectMemory)
    .where(and(eq(tables.projectMemory.projectId, scope.projectId), eq(tables.projectMemory.workspaceId, scope.workspaceId)));
  const rows = await db.select({ seq: tables.messages.seq, role: tables.messages.role, content: tables.messages.content, agent: tables.messages.agent })
    .from(tables.messages)
    .where(and(eq(tables.messages.projectId, scope.projectId), eq(tables.messages.workspaceId, scope.workspaceId), lte(tables.messages.seq, throughSeq)))
    .orderBy(desc(tables.messages.seq)).limit(recentTurnLimit);
  return {
    summary: memory?.summary ?? '',
    summaryThroughSeq: memory?.summaryThroughSeq ?? 0,
    recent: rows.reverse().map((r) => ({ seq: r.seq, role: r.role as ChatMessage['role'], content: r.content, agent: r.agent })),
  };
}

/** "User: …" lines, the form summaries and prompts read turns in. */
export function transcript(turns: readonly ChatMessage[]): string {
  const speaker = { user: 'User', assistant: 'Assistant', system: 'Note' } as const;
  return turns.map((t) => `${speaker[t.role]}: ${t.content}`).join('\n');
}

/**
 * Folds messages that fell out of the recent window into the rolling summary, a batch at a time.
 * The messages themselves are never deleted: the summary is only what a model sees of them.
 */
export async function foldOlderTurns(db: Db, models: ScopedModels, scope: { workspaceId: string; projectId: string }, memory: ProjectMemory): Promise<boolean> {
  const oldestRecent = memory.recent[0]?.seq;
  if (oldestRecent === undefined) return false;
  const older = await db.select({ seq: tables.messages.seq, role: tables.messages.role, content: tables.messages.content })
    .from(tables.messages)
    .where(and(
      eq(tables.messages.projectId, scope.projectId), eq(tables.messages.workspaceId, scope.workspaceId),
      gt(tables.messages.seq, memory.summaryThroughSeq), lte(tables.messages.seq, oldestRecent - 1),
    ))
    .orderBy(asc(tables.messages.seq)).limit(foldBatch * 5);
  if (older.length < foldBatch) return false;
  const text = [memory.summary, transcript(older.map((r) => ({ role: r.role as ChatMessage['role'], content: r.content })))].filter(Boolean).join('\n');
  const summary = (await models.summarize(text, { maxSentences: summarySentences })).value;
  const through = older.at(-1)!.seq;
  await db.insert(tables.projectMemory)
    .values({ projectId: scope.projectId, workspaceId: scope.workspaceId, summary, summaryThroughSeq: through })
    .onConflictDoUpdate({ target: tables.projectMemory.projectId, set: { summary, summaryThroughSeq: through, updatedAt: new Date() } });
  return true;
}
