import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeTool } from './tool-description.ts';
import { httpRequestTool } from './http-request-tool.ts';

describe('describeTool', () => {
  it('lists the input and output as JSON Schema, with the rate limit and the price', () => {
    const described = describeTool({
      name: 'quote', description: 'Prices a job.', rateLimit: { perMinute: 30 }, costPerCallUsd: 0.01,
      inputSchema: z.object({ qty: z.number().int().min(1), rush: z.boolean().default(false) }),
      outputSchema: z.object({ priceUsd: z.number() }),
    });
    expect(described).toMatchObject({
      name: 'quote', description: 'Prices a job.', rateLimit: { perMinute: 30 }, costPerCallUsd: 0.01,
      inputSchema: { type: 'object', properties: { qty: { type: 'integer', minimum: 1 }, rush: { type: 'boolean', default: false } }, required: ['qty'] },
      outputSchema: { type: 'object', properties: { priceUsd: { type: 'number' } }, required: ['priceUsd'] },
    });
  });

  it('prefers JSON Schemas the tool carries, and says null for what it does not declare', () => {
    const input = { type: 'object', properties: { q: { type: 'string' } } };
    expect(describeTool({ name: 'mcp.x.y', description: '', jsonSchemas: { input }, inputSchema: z.record(z.string(), z.unknown()) }))
      .toEqual({ name: 'mcp.x.y', description: '', inputSchema: input, outputSchema: null, rateLimit: null, costPerCallUsd: null });
  });

  it('describes the built-in http.request tool, whose schema has defaults and unknown bodies', () => {
    const { inputSchema } = describeTool(httpRequestTool({ allow: [] }));
    expect(inputSchema).toMatchObject({ type: 'object', required: ['url'], properties: { url: { type: 'string', format: 'uri' }, method: { default: 'GET' } } });
  });
});
