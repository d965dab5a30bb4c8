import type { Items, KnowledgeSource } from './api-types.ts';

const newestFirst = (a: KnowledgeSource, b: KnowledgeSource) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);

/**
 * Folds a source from a live event into the cached list: replaces it, or adds it in order. An
 * event older than what the cache holds (events may arrive out of order) changes nothing.
 */
export function upsertSource(data: Items<KnowledgeSource> | undefined, source: KnowledgeSource): Items<KnowledgeSource> | undefined {
  if (!data) return data;
  const current = data.items.find((s) => s.id === source.id);
  if (current && current.updatedAt > source.updatedAt) return data;
  const items = current ? data.items.map((s) => (s.id === source.id ? source : s)) : [...data.items, source].sort(newestFirst);
  return { ...data, items };
}

export function removeSource(data: Items<KnowledgeSource> | undefined, sourceId: string): Items<KnowledgeSource> | undefined {
  if (!data || !data.items.some((s) => s.id === sourceId)) return data;
  return { ...data, items: data.items.filter((s) => s.id !== sourceId) };
}

/** Whether a source is still being read (its status and progress will change). */
export const isIngesting = (source: Pick<KnowledgeSource, 'status'>) => source.status === 'uploading' || source.status === 'processing';
