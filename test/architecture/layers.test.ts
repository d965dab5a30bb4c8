import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  analyseSources, formatViolations, layerRanks, parseImports, readSources, type Violation, type ViolationRule,
} from '../../scripts/check-layers.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A minimal valid tree: every layer has an index.ts exporting nothing. */
function tree(files: Record<string, string>): Map<string, string> {
  const sources = new Map<string, string>();
  for (const layer of Object.keys(layerRanks)) sources.set(`src/${layer}/index.ts`, 'export {};\n');
  for (const [path, code] of Object.entries(files)) sources.set(path, code);
  return sources;
}

const rulesOf = (violations: Violation[]) => violations.map((v) => v.rule).sort();

describe('parseImports', () => {
  it('finds static imports, re-exports, dynamic imports and type queries, and which are type-only', () => {
    const code = [
      "import type { A } from './a.ts';",
      "import { type B, c } from './b.ts';",
      "import type from './named-type.ts';",
      "import './side-effect.ts';",
      "export * from './all.ts';",
      "export type { X } from './x.ts';",
      "export { y as z } from './y.ts';",
      'export const local = 1;',
      "const lazy = await import('./lazy.ts');",
      'const lazier = () => import(`./template.ts`);',
      "type Q = typeof import('./query.ts');",
      "// import { commented } from './comment.ts';",
      "const text = \"import { fake } from './string.ts'\";",
      "const pattern = /import '.\\/regex.ts'/;",
      "declare module 'fastify' { interface FastifyRequest { extra?: string } }",
    ].join('\n');
    const { imports, errors } = parseImports('src/kernel/sample.ts', code);
    expect(errors).toEqual([]);
    expect(imports.map(({ specifier, kind, typeOnly, line }) => [specifier, kind, typeOnly, line])).toEqual([
      ['./a.ts', 'import', true, 1],
      ['./b.ts', 'import', false, 2],
      ['./named-type.ts', 'import', false, 3],
      ['./side-effect.ts', 'import', false, 4],
      ['./all.ts', 'export', false, 5],
      ['./x.ts', 'export', true, 6],
      ['./y.ts', 'export', false, 7],
      ['./lazy.ts', 'dynamic', false, 9],
      ['./template.ts', 'dynamic', false, 10],
      ['./query.ts', 'type-query', true, 11],
    ]);
  });

  it('parses TSX', () => {
    const { imports, errors } = parseImports('src/web/page.tsx', "import { Button } from '@mantine/core';\nexport const Page = () => <Button onClick={() => void import('./lazy.tsx')}>Don't</Button>;\n");
    expect(errors).toEqual([]);
    expect(imports.map((i) => i.specifier)).toEqual(['@mantine/core', './lazy.tsx']);
  });
});

describe('the layer checker', () => {
  it('accepts downward imports through index.ts, own-folder imports and package imports', () => {
    const report = analyseSources(tree({
      'src/kernel/errors.ts': 'export class E extends Error {}\n',
      'src/db/schema.ts': "import { E } from '../kernel/index.ts';\nimport pg from 'pg';\nimport { readFile } from 'node:fs/promises';\nexport { E, pg, readFile };\n",
      'src/server/routes/health.ts': "import type { E } from '../../kernel/index.ts';\nexport type H = E;\n",
      'src/studios/product/index.ts': "import { E } from '../../kernel/index.ts';\nexport const plugin = E;\n",
      'src/vault/credentials.ts': 'export type Y = string;\n',
      'src/artifacts/artifacts.ts': 'export const upload = 1;\n',
      'src/server/app.ts': "import { E } from '#src/kernel/index.ts';\nimport './routes/health.ts';\nexport { E };\nexport type X = 1;\n",
      'src/web/api-types.ts': "import type { X } from '../server/app.ts';\nexport type { Y } from '../vault/credentials.ts';\nexport type T = typeof import('../artifacts/artifacts.ts');\nexport type Z = X;\n",
    }));
    expect(report.violations).toEqual([]);
    expect(report.imports).toBe(8);
  });

  it('refuses upward imports, including type-only and dynamic ones', () => {
    const report = analyseSources(tree({
      'src/kernel/config.ts': "import type { Db } from '../db/index.ts';\nexport type C = Db;\n",
      'src/db/database.ts': "export const load = () => import('../server/index.ts');\n",
      'src/auth/x.ts': "export * from '../projects/index.ts';\n",
    }));
    expect(rulesOf(report.violations)).toEqual(['upward', 'upward', 'upward']);
    expect(report.violations.map((v) => `${v.file}:${v.line}`).sort()).toEqual(['src/auth/x.ts:1', 'src/db/database.ts:1', 'src/kernel/config.ts:1']);
  });

  it('refuses imports between different layers of the same rank', () => {
    const report = analyseSources(tree({
      'src/vault/x.ts': "import '../projects/index.ts';\n",
      'src/projects/y.ts': "import { v } from '../vault/index.ts';\nexport { v };\n",
    }));
    expect(rulesOf(report.violations)).toEqual(['sideways', 'sideways']);
  });

  it('orders the platform services: tools, engine, models, knowledge, agents', () => {
    const report = analyseSources(tree({
      'src/models/y.ts': "import { t } from '../tools/index.ts';\nimport { e } from '../engine/index.ts';\nexport { t, e };\n",
      'src/agents/a.ts': "import { k } from '../knowledge/index.ts';\nexport { k };\n",
      'src/engine/z.ts': "import { s } from '../agents/index.ts';\nexport { s };\n",
      'src/tools/w.ts': "import { m } from '../models/index.ts';\nexport { m };\n",
    }));
    expect(rulesOf(report.violations)).toEqual(['upward', 'upward']);
    expect(report.violations.map((v) => v.file).sort()).toEqual(['src/engine/z.ts', 'src/tools/w.ts']);
  });

  it('refuses value imports from web into other layers but allows `import type`', () => {
    const report = analyseSources(tree({
      'src/web/client.ts': "import { loadConfig } from '../kernel/index.ts';\nimport { type Config } from '../kernel/index.ts';\nimport type { Db } from '../db/index.ts';\nexport { loadConfig };\nexport type { Config, Db };\n",
    }));
    expect(rulesOf(report.violations)).toEqual(['web-value', 'web-value']);
    expect(report.violations.map((v) => v.line)).toEqual([1, 2]);
  });

  it('refuses a studio importing another studio', () => {
    const report = analyseSources(tree({
      'src/studios/product/index.ts': "import { x } from '../software/index.ts';\nexport const plugin = x;\n",
      'src/studios/software/index.ts': "import { y } from './helpers.ts';\nexport const x = y;\n",
      'src/studios/software/helpers.ts': 'export const y = 1;\n',
    }));
    expect(rulesOf(report.violations)).toEqual(['studio-to-studio']);
    expect(report.violations[0]!.file).toBe('src/studios/product/index.ts');
  });

  it("refuses imports into another layer's internal files, except from test files", () => {
    const report = analyseSources(tree({
      'src/vault/master-keys.ts': "import { ConfigError } from '../kernel/errors.ts';\nexport { ConfigError };\n",
      'src/vault/master-keys.test.ts': "import { ConfigError } from '../kernel/errors.ts';\nexport { ConfigError };\n",
      'src/kernel/errors.ts': 'export class ConfigError extends Error {}\n',
      'src/server/plugins.ts': "import { plugin } from '../studios/product/plugin.ts';\nimport { list } from '../studios/index.ts';\nimport { p } from '../studios/product/index.ts';\nexport { plugin, list, p };\n",
      'src/studios/product/index.ts': "export { plugin as p } from './plugin.ts';\n",
      'src/studios/product/plugin.ts': 'export const plugin = {};\n',
    }));
    expect(report.violations.map((v) => [v.rule, v.file])).toEqual([
      ['internal', 'src/vault/master-keys.ts'],
      ['internal', 'src/server/plugins.ts'],
    ]);
  });

  it('refuses a layer or studio folder without an index.ts, and files outside the layers', () => {
    const sources = tree({
      'src/studios/brand/campaign.ts': 'export const c = 1;\n',
      'src/main.ts': 'export {};\n',
      'src/misc/util.ts': 'export {};\n',
    });
    sources.delete('src/engine/index.ts');
    const report = analyseSources(sources);
    expect(report.violations.map((v) => [v.rule, v.file]).sort()).toEqual([
      ['missing-index', 'src/engine/index.ts'],
      ['missing-index', 'src/studios/brand/index.ts'],
      ['unknown-layer', 'src/main.ts'],
      ['unknown-layer', 'src/misc/util.ts'],
    ]);
  });

  it('finds import cycles between files, type-only edges included, and names the path', () => {
    const report = analyseSources(tree({
      'src/projects/a.ts': "import { b } from './b.ts';\nexport const a = b;\n",
      'src/projects/b.ts': "import type { C } from './c.ts';\nexport const b = 1 as unknown as C;\n",
      'src/projects/c.ts': "import { a } from './a.ts';\nexport type C = typeof a;\n",
      'src/projects/d.ts': "import { a } from './a.ts';\nexport const d = a;\n",
      'src/kernel/self.ts': "export * from './self.ts';\n",
    }));
    expect(rulesOf(report.violations)).toEqual(['cycle', 'cycle']);
    const messages = report.violations.map((v) => v.message).sort();
    expect(messages).toEqual([
      'import cycle: src/kernel/self.ts -> src/kernel/self.ts',
      'import cycle: src/projects/a.ts -> src/projects/b.ts -> src/projects/c.ts -> src/projects/a.ts',
    ]);
  });

  it('reports imports of missing files and computed local paths', () => {
    const report = analyseSources(tree({
      'src/db/x.ts': "import { y } from './y.ts';\nconst name = 'z';\nexport const load = () => import(`./${name}.ts`);\nexport const pkg = () => import(`@scope/${name}`);\nexport { y };\n",
    }));
    expect(report.violations.map((v) => [v.rule, v.line])).toEqual([['computed-import', 3], ['unresolved', 1]]);
  });

  it('prints violations grouped by rule with file and line', () => {
    const text = formatViolations([
      { rule: 'upward', file: 'src/kernel/a.ts', line: 3, message: 'kernel imports db' },
      { rule: 'cycle', file: 'src/db/b.ts', message: 'import cycle: x -> y -> x' },
    ]);
    expect(text).toBe('upward (1):\n  src/kernel/a.ts:3  kernel imports db\n\ncycle (1):\n  src/db/b.ts  import cycle: x -> y -> x');
  });
});

describe('src/ follows the layering', () => {
  const report = analyseSources(readSources(root));
  const check = (...rules: ViolationRule[]) => {
    const found = report.violations.filter((v) => rules.includes(v.rule));
    expect(found, `\n${formatViolations(found)}\n`).toEqual([]);
  };

  it('has source files to check', () => {
    expect(report.files).toBeGreaterThan(50);
    expect(report.imports).toBeGreaterThan(100);
  });

  it('every file parses, lives in a known layer and imports files that exist', () => check('parse', 'unknown-layer', 'unresolved', 'computed-import'));
  it('no layer imports a higher or same-rank layer', () => check('upward', 'sideways'));
  it('web imports only types from other layers', () => check('web-value'));
  it('studios never import each other', () => check('studio-to-studio'));
  it("cross-layer imports go through the target layer's index.ts", () => check('internal'));
  it('every layer folder has an index.ts', () => check('missing-index'));
  it('there are no import cycles between files', () => check('cycle'));
});
