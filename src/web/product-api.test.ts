import { describe, expect, it } from 'vitest';
import { createApiClient } from './api-client.ts';
import { ApiError } from './api-error.ts';
import { importQuotesCsv, quoteAnalysisQuery, rfqDownloadUrl, withWorkspace } from './product-api.ts';

describe('product API helpers', () => {
  it('puts the method and every weight in the analysis query', () => {
    expect(quoteAnalysisQuery({ method: 'topsis', weights: { price: 0.5, quality: 0.25, delivery: 0.25, compliance: 0 } }))
      .toBe('method=topsis&price=0.5&quality=0.25&delivery=0.25&compliance=0');
  });

  it('builds download and image addresses that carry the workspace', () => {
    expect(rfqDownloadUrl('ws-1', 'r/1', 'pdf')).toBe('/api/rfqs/r%2F1?format=pdf&workspace=ws-1');
    expect(withWorkspace('/api/assets/a1?format=png', 'ws 1')).toBe('/api/assets/a1?format=png&workspace=ws%201');
    expect(withWorkspace('/api/assets/a1', 'w')).toBe('/api/assets/a1?workspace=w');
    expect(withWorkspace('/api/assets/a1?workspace=x', 'w')).toBe('/api/assets/a1?workspace=x');
  });
});

describe('importQuotesCsv', () => {
  it('posts the file as text/csv with the workspace header', async () => {
    let sent: { url: string; init: RequestInit } | undefined;
    const fake = (async (url: string, init: RequestInit) => {
      sent = { url, init };
      return new Response(JSON.stringify({ items: [{ id: 'q1' }] }), { status: 201 });
    }) as unknown as typeof fetch;
    const result = await importQuotesCsv(createApiClient({ workspaceId: 'ws-1' }), 'r1', 'supplier,moq\nAcme,100', fake);
    expect(result.items).toHaveLength(1);
    expect(sent?.url).toBe('/api/rfqs/r1/quotes');
    expect(sent?.init.body).toBe('supplier,moq\nAcme,100');
    expect(sent?.init.headers).toMatchObject({ 'content-type': 'text/csv', 'x-foundry-workspace': 'ws-1' });
  });

  it("throws the server's QUOTES_CSV_INVALID error with its details", async () => {
    const details = { missingColumns: ['moq'] };
    const fake = (async () => new Response(JSON.stringify({ error: { code: 'QUOTES_CSV_INVALID', message: 'Bad CSV', details } }), { status: 400 })) as unknown as typeof fetch;
    const error = await importQuotesCsv(createApiClient({ workspaceId: 'w' }), 'r1', 'x', fake).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'QUOTES_CSV_INVALID', message: 'Bad CSV', details });
  });
});
