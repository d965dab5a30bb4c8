import { describe, expect, it } from 'vitest';
import type { KnowledgeSource } from './api-types.ts';
import { isIngesting, removeSource, upsertSource } from './knowledge-cache.ts';

const source = (id: string, createdAt: string, patch: Partial<KnowledgeSource> = {}): KnowledgeSource => ({
  id, projectId: 'p', kind: 'file', name: `${id}.pdf`, url: null, contentType: 'application/pdf', size: 10, status: 'processing', progress: 0.2,
  errorCode: null, errorMessage: null, chunkCount: 0, metadata: {}, runId: null, createdBy: null, createdAt, updatedAt: createdAt, ...patch,
});

describe('knowledge cache', () => {
  const a = source('a', '2026-01-01T10:00:00.000Z');
  const b = source('b', '2026-01-01T11:00:00.000Z');

  it('adds a new source in newest-first order and replaces a known one', () => {
    const c = source('c', '2026-01-01T10:30:00.000Z');
    expect(upsertSource({ items: [b, a] }, c)?.items.map((s) => s.id)).toEqual(['b', 'c', 'a']);
    const ready = { ...a, status: 'ready' as const, progress: 1, updatedAt: '2026-01-01T12:00:00.000Z' };
    expect(upsertSource({ items: [b, a] }, ready)?.items).toEqual([b, ready]);
  });

  it('ignores an event older than the cached source', () => {
    const cached = { ...a, status: 'ready' as const, updatedAt: '2026-01-01T12:00:00.000Z' };
    const late = { ...a, status: 'processing' as const, updatedAt: '2026-01-01T11:59:00.000Z' };
    const data = { items: [cached] };
    expect(upsertSource(data, late)).toBe(data);
  });

  it('removes a source, and leaves an uncached list alone', () => {
    expect(removeSource({ items: [b, a] }, 'a')?.items).toEqual([b]);
    const data = { items: [b] };
    expect(removeSource(data, 'zzz')).toBe(data);
    expect(upsertSource(undefined, a)).toBeUndefined();
    expect(removeSource(undefined, 'a')).toBeUndefined();
  });

  it('tells sources being read from finished ones', () => {
    expect(['uploading', 'processing', 'ready', 'error'].map((status) => isIngesting({ status: status as KnowledgeSource['status'] }))).toEqual([true, true, false, false]);
  });
});
