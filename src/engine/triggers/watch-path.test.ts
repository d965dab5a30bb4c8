import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameMatches, normaliseWatchPath, watchFolder, watchRoot } from './watch-path.ts';

describe('watch paths', () => {
  it('normalises relative folders', () => {
    expect(normaliseWatchPath('invoices')).toEqual({ path: 'invoices' });
    expect(normaliseWatchPath(' invoices//in/ ')).toEqual({ path: 'invoices/in' });
    expect(normaliseWatchPath('./a/./b')).toEqual({ path: 'a/b' });
  });

  it('refuses absolute paths, "..", and odd characters', () => {
    for (const bad of ['/etc', '\\share', 'C:/data', '..', 'a/../../etc', 'a/..', '', '.', 'a/*', 'a\nb', 'a/ b']) {
      expect('problem' in normaliseWatchPath(bad), JSON.stringify(bad)).toBe(true);
    }
  });

  it('places folders under <dataDir>/watch', () => {
    expect(watchRoot('/srv/foundry')).toBe('/srv/foundry/watch');
    expect(watchFolder('/srv/foundry', 'invoices/in')).toBe(join('/srv/foundry/watch', 'invoices', 'in'));
    expect(() => watchFolder('/srv/foundry', '../x')).toThrow(/escapes/);
  });

  it('matches file names against the glob, never dot-files', () => {
    expect(nameMatches('report.csv', undefined)).toBe(true);
    expect(nameMatches('report.csv', '*.csv')).toBe(true);
    expect(nameMatches('report.CSV', '*.csv')).toBe(false);
    expect(nameMatches('inv-7.pdf', 'inv-*.{pdf,png}')).toBe(true);
    expect(nameMatches('.report.csv.part', undefined)).toBe(false);
    expect(nameMatches('.report.csv', '*.csv')).toBe(false);
  });
});
