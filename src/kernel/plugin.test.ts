import { describe, expect, it } from 'vitest';
import { createPluginRegistry } from './plugin.ts';

describe('createPluginRegistry', () => {
  it('indexes what plugins contribute', () => {
    const registry = createPluginRegistry([
      { name: 'product', tools: [{ name: 'dpg.read', description: 'read' }], uiPages: [{ path: 'genome', title: 'Genome', studio: 'product' }],
        conversationHandler: { studio: 'product', agent: 'designer', handle: async () => undefined } },
      { name: 'builder', nodeTypes: [{ type: 'email.send', description: 'send' }] },
    ]);
    expect(registry.tools().map((t) => t.name)).toEqual(['dpg.read']);
    expect(registry.nodeTypes().map((n) => n.type)).toEqual(['email.send']);
    expect(registry.uiPages()).toEqual([{ path: 'genome', title: 'Genome', studio: 'product' }]);
    expect(registry.conversationHandler('product')).toBeDefined();
    expect(registry.conversationHandler('brand')).toBeUndefined();
  });

  it('refuses duplicate plugins, tools, node types and handlers', () => {
    expect(() => createPluginRegistry([{ name: 'a' }, { name: 'a' }])).toThrow(/Duplicate plugin "a"/);
    expect(() => createPluginRegistry([
      { name: 'a', tools: [{ name: 't', description: '' }] }, { name: 'b', tools: [{ name: 't', description: '' }] },
    ])).toThrow(/Duplicate tool "t"/);
    expect(() => createPluginRegistry([
      { name: 'a', nodeTypes: [{ type: 'n', description: '' }] }, { name: 'b', nodeTypes: [{ type: 'n', description: '' }] },
    ])).toThrow(/Duplicate node type "n"/);
    const handle = async () => undefined;
    expect(() => createPluginRegistry([
      { name: 'a', conversationHandler: { studio: 's', agent: 'a', handle } }, { name: 'b', conversationHandler: { studio: 's', agent: 'b', handle } },
    ])).toThrow(/Two conversation handlers/);
  });

  it('refuses rate limits and prices that are not positive numbers', () => {
    const tool = (over: object) => [{ name: 'p', tools: [{ name: 't', description: '', ...over }] }];
    expect(() => createPluginRegistry(tool({ rateLimit: { perSecond: 0 } }))).toThrow(/rate limits must be positive/);
    expect(() => createPluginRegistry(tool({ rateLimit: { perMinute: Number.NaN } }))).toThrow(/rate limits must be positive/);
    expect(() => createPluginRegistry(tool({ costPerCallUsd: -1 }))).toThrow(/costPerCallUsd/);
    expect(createPluginRegistry(tool({ rateLimit: { perSecond: 2, perMinute: 30 }, costPerCallUsd: 0 })).tools()).toHaveLength(1);
  });
});
