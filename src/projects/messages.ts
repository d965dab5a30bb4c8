import { and, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { tables, type Db, type Tx } from '../db/index.ts';
import { ValidationError, newId, type RequestContext } from '../kernel/index.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { loadProject, requireProjectRole } from './project-access.ts';
import { publishProjectEvent } from './project-events.ts';
import type { ProjectDeps } from './projects.ts';
import type { MessageView, PostMessageInput } from './project-schemas.ts';

/** Said with a stored message when no conversation runtime is wired (a bare projects deployment). */
export const noAgentNotice = 'Message saved. No agent is attached to this project yet, so nobody will reply automatically.';
export const replyingNotice = 'Message saved. The assistant is replying.';

type MessageRow = typeof tables.messages.$inferSelect;

function toView(row: MessageRow, authorName: string | null): MessageView {
  return {
    id: row.id, projectId: row.projectId, role: row.role as MessageView['role'], content: row.content,
    authorId: row.authorId, authorName, agent: row.agent, metadata: row.metadata, attachments: row.attachments,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Work to do in the transaction that stores a message: it commits exactly when the message does. */
export type AfterMessageInsert = (tx: Tx, message: { id: string; workspaceId: string; projectId: string; seq: number }) => Promise<void>;

/** Stores a user's message (editors and owners) and pushes it to the project's listeners. */
export async function postMessage(
  deps: ProjectDeps, ctx: RequestContext, projectId: string, input: PostMessageInput, afterInsert?: AfterMessageInsert,
): Promise<{ message: MessageView; notice: string }> {
  await requireProjectRole(deps.db, ctx, projectId, 'editor', 'post messages');
  const attachments = input.attachments ?? [];
  if (attachments.length > 0) await assertAttachmentsBelong(deps, ctx, projectId, attachments);
  const row = await deps.db.transaction(async (tx) => {
    const [inserted] = await tx.insert(tables.messages).values({
      id: newId(), workspaceId: ctx.workspaceId, projectId, role: 'user', content: input.content, authorId: ctx.userId,
      agent: null, metadata: input.metadata ?? {}, attachments,
    }).returning();
    await afterInsert?.(tx, inserted!);
    return inserted!;
  });
  const [author] = await deps.db.select({ name: tables.users.name }).from(tables.users).where(eq(tables.users.id, ctx.userId));
  const message = toView(row, author?.name ?? null);
  await publishProjectEvent(deps.events, { type: 'message.created', workspaceId: ctx.workspaceId, projectId, data: { projectId, message } });
  return { message, notice: afterInsert ? replyingNotice : noAgentNotice };
}

/** Stores an agent's reply (or a system notice) and pushes it to the project's listeners. */
export async function insertAgentMessage(deps: Pick<ProjectDeps, 'db' | 'events'>, message: {
  workspaceId: string; projectId: string; role: 'assistant' | 'system'; agent: string; content: string;
  metadata: Record<string, unknown>; attachments?: { artifactId: string; versionId: string }[];
}): Promise<MessageView> {
  const [row] = await deps.db.insert(tables.messages).values({
    id: newId(), workspaceId: message.workspaceId, projectId: message.projectId, role: message.role, content: message.content,
    authorId: null, agent: message.agent, metadata: message.metadata, attachments: message.attachments ?? [],
  }).returning();
  const view = toView(row!, null);
  await publishProjectEvent(deps.events, { type: 'message.created', workspaceId: message.workspaceId, projectId: message.projectId, data: { projectId: message.projectId, message: view } });
  return view;
}

/** The message a turn answers and its project, or undefined when either is gone. */
export async function messageForTurn(db: Db, workspaceId: string, messageId: string) {
  const [row] = await db.select({ message: tables.messages, project: tables.projects })
    .from(tables.messages)
    .innerJoin(tables.projects, eq(tables.projects.id, tables.messages.projectId))
    .where(and(eq(tables.messages.id, messageId), eq(tables.messages.workspaceId, workspaceId)));
  return row;
}

/** The reply already stored for a message, if a turn got that far before (turns are retried). */
export async function replyTo(db: Db, scope: { workspaceId: string; projectId: string; seq: number }, messageId: string): Promise<MessageView | undefined> {
  const [row] = await db.select().from(tables.messages)
    .where(and(
      eq(tables.messages.projectId, scope.projectId), eq(tables.messages.workspaceId, scope.workspaceId), gt(tables.messages.seq, scope.seq),
      sql`${tables.messages.metadata}->>'replyTo' = ${messageId}`,
    ))
    .limit(1);
  return row ? toView(row, null) : undefined;
}

async function assertAttachmentsBelong(deps: ProjectDeps, ctx: RequestContext, projectId: string, attachments: { artifactId: string; versionId: string }[]) {
  const versionIds = attachments.map((a) => a.versionId);
  const rows = await deps.db
    .select({ versionId: tables.artifactVersions.id, artifactId: tables.artifactVersions.artifactId })
    .from(tables.artifactVersions)
    .innerJoin(tables.artifacts, eq(tables.artifacts.id, tables.artifactVersions.artifactId))
    .where(and(inArray(tables.artifactVersions.id, versionIds), eq(tables.artifacts.projectId, projectId), eq(tables.artifacts.workspaceId, ctx.workspaceId)));
  const known = new Set(rows.map((r) => `${r.artifactId}/${r.versionId}`));
  const missing = attachments.filter((a) => !known.has(`${a.artifactId}/${a.versionId}`));
  if (missing.length > 0) {
    throw new ValidationError({ code: 'ATTACHMENT_NOT_FOUND', message: 'Attachments must be artifact versions of this project.', details: { missing } });
  }
}

export interface ListMessagesOptions {
  limit: number;
  /** Older than this cursor (scrolling back); the default is the newest page. */
  before?: string;
  /** Newer than this cursor (catching up after a reconnect). */
  after?: string;
}

/** A page of the conversation in chronological order; nothing is ever dropped from history. */
export async function listMessages(deps: Pick<ProjectDeps, 'db'>, ctx: RequestContext, projectId: string, options: ListMessagesOptions): Promise<{ items: MessageView[]; nextCursor: string | null }> {
  await loadProject(deps.db, ctx, projectId);
  const m = tables.messages;
  const before = options.before ? decodeCursor<[number]>(options.before, ['number'])[0] : undefined;
  const after = options.after ? decodeCursor<[number]>(options.after, ['number'])[0] : undefined;
  const rows = await deps.db
    .select({ message: m, authorName: tables.users.name })
    .from(m)
    .leftJoin(tables.users, eq(tables.users.id, m.authorId))
    .where(and(eq(m.projectId, projectId), eq(m.workspaceId, ctx.workspaceId), before ? lt(m.seq, before) : undefined, after ? gt(m.seq, after) : undefined))
    .orderBy(after ? m.seq : desc(m.seq))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const chronological = after ? page : page.reverse();
  const hasMore = rows.length > options.limit;
  const edge = after ? chronological.at(-1) : chronological[0];
  return {
    items: chronological.map((r) => toView(r.message, r.authorName)),
    nextCursor: hasMore && edge ? encodeCursor([edge.message.seq]) : null,
  };
}
