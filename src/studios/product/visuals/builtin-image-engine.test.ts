import { describe, expect, it } from 'vitest';
import { FoundryError } from '../../../kernel/index.ts';
import { builtinImageEngine } from './builtin-image-engine.ts';
import { designParamsFor } from './design-params.ts';
import { pngSize } from './png-info.ts';
import { elements } from './xml-well-formed.ts';

const params = designParamsFor({ title: 'Case', category: 'phone_accessory', summary: 'for the iPhone 15', data: {} });

describe('builtinImageEngine', () => {
  it('draws flats, concepts and callouts from the design parameters', async () => {
    const flat = await builtinImageEngine.generate({ prompt: '', kind: 'flat', view: 'back', params, widthPx: 400 });
    expect(flat.engine).toEqual({ provider: 'builtin', model: 'builtin-flats-1' });
    expect(pngSize(flat.png)?.width).toBe(400);
    expect(flat.svg).toContain('BACK VIEW');
    const concept = await builtinImageEngine.generate({ prompt: '', kind: 'concept', view: '1', params, widthPx: 200 });
    expect(concept.svg).toContain('>Concept 1<');
    const callout = await builtinImageEngine.generate({ prompt: '', kind: 'callout', view: 'camera_cutout', params, widthPx: 200 });
    expect(callout.svg).toContain('Camera cutout');
  });

  it('edits by changing the parameters and redrawing', async () => {
    const edited = await builtinImageEngine.edit({ prompt: '', kind: 'flat', view: 'back', params, widthPx: 200, image: Buffer.alloc(0), instruction: 'make the logo smaller' });
    expect(edited.changes?.map((c) => c.field)).toEqual(['logo.widthMm']);
    expect(edited.params?.logo.widthMm).toBe(19.2);
    expect(Number(elements(edited.svg!, 'rect', 'logo')[0]!.width)).toBe(19.2);
  });

  it('refuses instructions it does not understand, unknown views and callouts', async () => {
    const edit = builtinImageEngine.edit({ prompt: '', kind: 'flat', view: 'back', params, image: Buffer.alloc(0), instruction: 'make it pop' });
    await expect(edit).rejects.toSatisfy((e) => FoundryError.isInstance(e) && e.code === 'DESIGN_EDIT_NOT_UNDERSTOOD' && e.status === 422);
    await expect(builtinImageEngine.generate({ prompt: '', kind: 'flat', view: 'top', params })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(builtinImageEngine.generate({ prompt: '', kind: 'callout', view: 'collar', params })).rejects.toThrow(/available: camera_cutout/);
  });

  it('honours an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(builtinImageEngine.generate({ prompt: '', kind: 'flat', view: 'front', params }, controller.signal)).rejects.toThrow();
  });
});
