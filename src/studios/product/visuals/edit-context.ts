import type { DesignParams } from './design-params.ts';

/** One change an edit made, for the reply ("I've made the logo smaller") and the asset's history. */
export interface DesignChange {
  field: string;
  from: unknown;
  to: unknown;
  /** A past-tense phrase: "made the logo 20% smaller (24 → 19.2 mm)". */
  description: string;
}

/** The state one rule works on: the params being edited, the clause, and the changes so far. */
export interface EditContext {
  params: DesignParams;
  clause: string;
  changes: DesignChange[];
}

export type EditRule = (ctx: EditContext) => void;

type Bag = Record<string, unknown>;

export function getField(params: DesignParams, field: string): unknown {
  let node: unknown = params;
  for (const key of field.split('.')) node = node === null || typeof node !== 'object' ? undefined : (node as Bag)[key];
  return node;
}

/**
 * Sets a field and records the change; a second change to the same field in one instruction
 * updates the first (keeping its original value). Unchanged values record nothing.
 */
export function setField(ctx: EditContext, field: string, to: unknown, description: string): void {
  const keys = field.split('.');
  let node = ctx.params as unknown as Bag;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object') return;
    node = next as Bag;
  }
  const last = keys[keys.length - 1]!;
  const from = node[last];
  if (Object.is(from, to)) return;
  node[last] = to;
  const earlier = ctx.changes.find((c) => c.field === field);
  if (earlier) {
    earlier.to = to;
    earlier.description = description;
    if (Object.is(earlier.from, to)) ctx.changes.splice(ctx.changes.indexOf(earlier), 1);
  } else {
    ctx.changes.push({ field, from, to, description });
  }
}

export const round1 = (v: number): number => Math.round(v * 10) / 10;

/** Words that undo or remove something. */
export const removeWords = '(remove|delete|drop|lose|ditch|hide|get rid of|take (off|away|out)|without|no)';
export const addWords = '(add|put|include|give( it)?|with|want|bring back|restore|use)';
