import { describe, expect, it } from 'vitest';
import type { AssetView } from '../product-api-types.ts';
import { assetAlt, diffParameters, parentVersion, visualGroups, visualTestId } from './visual-groups.ts';

function asset(kind: AssetView['kind'], view: string, version: number, extra: Partial<AssetView> = {}): AssetView {
  return {
    id: `${kind}-${view}-${version}`, kind, view, version, parentId: null, prompt: 'p', engine: { provider: 'local', model: 'm' },
    parameters: {}, createdAt: `2025-01-0${version}T00:00:00Z`, svgUrl: null, pngUrl: `/api/assets/${kind}-${view}-${version}?format=png`, ...extra,
  };
}

describe('visualGroups', () => {
  it('groups versions per view, concepts by number, flats front/back/side, callouts by creation', () => {
    const groups = visualGroups({
      concept_sketches: [asset('concept', '2', 1), asset('concept', '1', 2), asset('concept', '1', 1), asset('concept', '10', 1)],
      flat_views: { front: [asset('flat', 'front', 1)], back: [], side: [asset('flat', 'side', 2), asset('flat', 'side', 1)] },
      callouts: [asset('callout', 'zip pull', 3), asset('callout', 'Logo', 1)],
    });
    expect(groups.map((g) => g.testId)).toEqual([
      'visual-concept-1', 'visual-concept-2', 'visual-concept-10', 'visual-flat-front', 'visual-flat-side', 'visual-callout-logo', 'visual-callout-zip-pull',
    ]);
    expect(groups[0]?.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(groups[4]?.label).toBe('Technical flat, side');
    expect(visualGroups({ concept_sketches: [], flat_views: { front: [], back: [], side: [] }, callouts: [asset('callout', 'camera_cutout', 1)] })[0]?.label).toBe('Callout, camera cutout');
  });

  it('is empty for no visuals', () => {
    expect(visualGroups({ concept_sketches: [], flat_views: { front: [], back: [], side: [] }, callouts: [] })).toEqual([]);
  });
});

describe('asset labels and lineage', () => {
  it('describes an image for screen readers', () => {
    expect(assetAlt({ kind: 'flat', view: 'front', version: 2 })).toBe('Technical flat, front, version 2');
    expect(assetAlt({ kind: 'concept', view: '3', version: 1 })).toBe('Concept sketch 3, version 1');
    expect(visualTestId('callout', '  ')).toBe('visual-callout-view');
  });

  it('finds the parent version in the same group', () => {
    const v1 = asset('flat', 'front', 1);
    const v2 = asset('flat', 'front', 2, { parentId: v1.id });
    const orphan = asset('flat', 'front', 3, { parentId: 'elsewhere' });
    expect([parentVersion(v1, [v1, v2]), parentVersion(v2, [v1, v2]), parentVersion(orphan, [v1, v2])]).toEqual([null, 1, null]);
  });
});

describe('diffParameters', () => {
  it('lists every key once and marks what changed', () => {
    const diff = diffParameters({ seed: 1, style: 'line', size: { w: 1, h: 2 } }, { seed: 2, style: 'line', size: { h: 2, w: 1 }, mask: 'logo' });
    expect(diff).toEqual([
      { key: 'mask', a: '—', b: 'logo', changed: true },
      { key: 'seed', a: '1', b: '2', changed: true },
      { key: 'size.h', a: '2', b: '2', changed: false },
      { key: 'size.w', a: '1', b: '1', changed: false },
      { key: 'style', a: 'line', b: 'line', changed: false },
    ]);
  });

  it('opens nested objects so that only the value that changed is marked, and keeps lists whole', () => {
    const diff = diffParameters(
      { logo: { widthMm: 24, placement: 'centre' }, buttons: [{ name: 'power' }], empty: {} },
      { logo: { widthMm: 16, placement: 'centre' }, buttons: [{ name: 'power' }], empty: {} },
    );
    expect(diff).toEqual([
      { key: 'buttons', a: '[{"name":"power"}]', b: '[{"name":"power"}]', changed: false },
      { key: 'empty', a: '{}', b: '{}', changed: false },
      { key: 'logo.placement', a: 'centre', b: 'centre', changed: false },
      { key: 'logo.widthMm', a: '24', b: '16', changed: true },
    ]);
  });
});
