import { describe, expect, it } from 'vitest';
import { createPluginRegistry } from './plugin.ts';

describe('createPluginRegistry', () => {
  it('indexes what plugins contribute', () => {
    const registry = createPluginRegistry([
      { name: 'product', tools: [{ name: 'dpg.read', description: 'read' }], uiPages: [{ path: 'genome', title: 'Genome', studio: 'product' }],
        conversationHandler: { studio: 'product', handle: async () => undefined } },
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
      { name: 'a', conversationHandler: { studio: 's', handle } }, { name: 'b', conversationHandler: { studio: 's', handle } },
    ])).toThrow(/Two conversation handlers/);
  });
});
