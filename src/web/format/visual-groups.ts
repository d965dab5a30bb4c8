import type { AssetKind, AssetView, VisualAssets } from '../product-api-types.ts';

/** Every version of one view of one kind (concept 2, the front flat, a callout), oldest first. */
export interface VisualGroup {
  kind: AssetKind;
  view: string;
  /** "Concept sketch 2", "Technical flat, front", "Callout, zipper pull". */
  label: string;
  /** A stable, test-friendly id: `visual-flat-front`. */
  testId: string;
  versions: AssetView[];
}

const flatViews = ['front', 'back', 'side'] as const;

/** The DPG's visuals as galleries: concepts by number, flats front → back → side, callouts in order of creation. */
export function visualGroups(assets: VisualAssets): VisualGroup[] {
  const concepts = groupByView('concept', assets.concept_sketches)
    .toSorted((a, b) => Number(a.view) - Number(b.view) || a.view.localeCompare(b.view));
  const flats = flatViews.flatMap((view) => groupByView('flat', assets.flat_views[view] ?? []));
  const callouts = groupByView('callout', assets.callouts)
    .toSorted((a, b) => (a.versions[0]?.createdAt ?? '').localeCompare(b.versions[0]?.createdAt ?? ''));
  return [...concepts, ...flats, ...callouts];
}

function groupByView(kind: AssetKind, items: AssetView[]): VisualGroup[] {
  const byView = new Map<string, AssetView[]>();
  for (const asset of items) byView.set(asset.view, [...(byView.get(asset.view) ?? []), asset]);
  return [...byView].map(([view, versions]) => ({
    kind, view, label: viewLabel(kind, view), testId: visualTestId(kind, view),
    versions: versions.toSorted((a, b) => a.version - b.version),
  }));
}

export function viewLabel(kind: AssetKind, view: string): string {
  if (kind === 'concept') return `Concept sketch ${view}`;
  if (kind === 'flat') return `Technical flat, ${view}`;
  // Callout views are keys such as "camera_cutout".
  return `Callout, ${view.replaceAll('_', ' ')}`;
}

export function visualTestId(kind: AssetKind, view: string): string {
  const slug = view.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `visual-${kind}-${slug || 'view'}`;
}

/** The image's text alternative: "Technical flat, front, version 2". */
export function assetAlt(asset: Pick<AssetView, 'kind' | 'view' | 'version'>): string {
  return `${viewLabel(asset.kind, asset.view)}, version ${asset.version}`;
}

/** The version an asset was derived from, when it is in the same group. */
export function parentVersion(asset: AssetView, versions: readonly AssetView[]): number | null {
  if (!asset.parentId) return null;
  return versions.find((v) => v.id === asset.parentId)?.version ?? null;
}

export interface ParameterDiff {
  key: string;
  a: string;
  b: string;
  changed: boolean;
}

/**
 * Every parameter of either version, side by side, alphabetically; `changed` where they differ (or one
 * lacks it). Nested objects are opened into dotted keys (`logo.widthMm`), so a change shows as the one
 * value that changed rather than as two long blobs of JSON.
 */
export function diffParameters(a: Record<string, unknown>, b: Record<string, unknown>): ParameterDiff[] {
  const left = flatten(a);
  const right = flatten(b);
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].toSorted();
  return keys.map((key) => {
    const x = showValue(left, key);
    const y = showValue(right, key);
    return { key, a: x, b: y, changed: x !== y };
  });
}

function flatten(record: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    const path = `${prefix}${key}`;
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) Object.assign(out, flatten(value as Record<string, unknown>, `${path}.`));
    else out[path] = value;
  }
  return out;
}

/** A parameter as text; objects as compact JSON with sorted keys so equal values read equal. */
export function showValue(record: Record<string, unknown>, key: string): string {
  if (!Object.hasOwn(record, key)) return '—';
  const value = record[key];
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return JSON.stringify(sortKeys(value));
  return String(value);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).toSorted(([x], [y]) => x.localeCompare(y)).map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}
