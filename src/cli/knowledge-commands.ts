import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import { FoundryError } from '../kernel/index.ts';
import type { KnowledgeSourceView } from '../knowledge/index.ts';
import type { Passage } from '../models/index.ts';
import type { ApiCall } from './api-client.ts';
import { clientOf, withApiOptions } from './api-options.ts';
import { print, table, type ActionWrapper } from './cli-output.ts';

type Opts = { json?: boolean };

const projectPath = (id: string, rest: string) => `/api/projects/${encodeURIComponent(id)}/knowledge${rest}`;

/** What `add` sends: a URL, or a file read from disk. */
async function addSource(call: ApiCall, projectId: string, target: string, name: string | undefined): Promise<KnowledgeSourceView> {
  if (/^https?:\/\//i.test(target)) return call<KnowledgeSourceView>('POST', projectPath(projectId, '/urls'), { url: target, ...(name ? { name } : {}) });
  let bytes: Buffer;
  try {
    bytes = await readFile(target);
  } catch (error) {
    throw new FoundryError({ code: 'FILE_UNREADABLE', status: 400, message: `Cannot read ${target}: ${(error as NodeJS.ErrnoException).code ?? String(error)} (give a file path or an http(s) URL).`, cause: error });
  }
  const form = new FormData();
  if (name) form.append('name', name);
  form.append('file', new Blob([new Uint8Array(bytes)]), basename(target));
  return call<KnowledgeSourceView>('POST', projectPath(projectId, ''), form);
}

/** Polls a source until its ingestion has ended, reporting progress on stderr. */
async function waitForSource(call: ApiCall, source: KnowledgeSourceView): Promise<KnowledgeSourceView> {
  let current = source;
  let reported = '';
  while (current.status === 'uploading' || current.status === 'processing') {
    const line = `${current.name}: ${current.status} ${Math.round(current.progress * 100)}%`;
    if (line !== reported) process.stderr.write(`${(reported = line)}\n`);
    await sleep(500);
    current = await call<KnowledgeSourceView>('GET', `/api/knowledge/${encodeURIComponent(current.id)}`);
  }
  return current;
}

const sourceLine = (s: KnowledgeSourceView) =>
  `${s.id}  ${s.name}  [${s.status}${s.status === 'ready' ? `, ${s.chunkCount} passages` : ''}${s.errorCode ? `: ${s.errorCode} ${s.errorMessage ?? ''}` : ''}]`;

/** Where a passage comes from, as one line: "price-list.xlsx · sheet Prices · § Accessories". */
export function citationLabel(p: Passage): string {
  const { sourceName, page, sheet, heading } = p.citation;
  return [sourceName, page === undefined ? '' : `p. ${page}`, sheet === undefined ? '' : `sheet ${sheet}`, heading ? `§ ${heading}` : ''].filter(Boolean).join(' · ');
}

function formatResults(results: Passage[]): string {
  if (results.length === 0) return 'No passage matches.';
  return results.map((p, i) => {
    const excerpt = p.text.replace(/\s+/g, ' ').trim();
    return `${i + 1}. ${citationLabel(p)}\n   ${excerpt.length > 300 ? `${excerpt.slice(0, 300)}…` : excerpt}`;
  }).join('\n');
}

/** `foundry knowledge add|list|search`: a project's knowledge, through the HTTP API. */
export function addKnowledgeCommands(program: Command, run: ActionWrapper): void {
  const knowledge = withApiOptions(program.command('knowledge').description("a project's knowledge (files and web pages it can search), through the HTTP API"));

  knowledge.command('add <project> <fileOrUrl>')
    .description('add a file (PDF, DOCX, XLSX, CSV, HTML, Markdown, text, image) or an http(s) URL; it is read in the background')
    .option('--name <name>', 'a name to show instead of the file name or URL')
    .option('--wait', 'wait until it is read; exit 1 if it fails')
    .action(run(async (projectId: string, target: string, options: Opts & { name?: string; wait?: boolean }, command: Command) => {
      const call = clientOf(command);
      const added = await addSource(call, projectId, target, options.name);
      const source = options.wait ? await waitForSource(call, added) : added;
      print(source, command.optsWithGlobals(), () => (options.wait ? sourceLine(source) : `Added ${sourceLine(source)}; follow it with \`foundry knowledge list ${projectId}\`.`));
      if (source.status === 'error') process.exitCode = 1;
    }));

  knowledge.command('list <project>')
    .description("list the project's sources with their status")
    .action(run(async (projectId: string, _options: Opts, command: Command) => {
      const { items } = await clientOf(command)<{ items: KnowledgeSourceView[] }>('GET', projectPath(projectId, ''));
      print(items, command.optsWithGlobals(), () => table(items.map((s) => ({
        id: s.id, name: s.name, status: s.status === 'ready' || s.status === 'error' ? s.status : `${s.status} ${Math.round(s.progress * 100)}%`,
        passages: s.chunkCount, error: s.errorCode ? `${s.errorCode}: ${s.errorMessage ?? ''}` : '',
      })), ['id', 'name', 'status', 'passages', 'error']));
    }));

  knowledge.command('search <project> <query>')
    .description('search the project\'s knowledge: passages with where they come from (words, "phrases", or, -word)')
    .option('--limit <n>', 'passages to show (1-50)', '10')
    .action(run(async (projectId: string, query: string, options: Opts & { limit: string }, command: Command) => {
      const params = new URLSearchParams({ q: query, limit: options.limit });
      const { results } = await clientOf(command)<{ results: Passage[] }>('GET', projectPath(projectId, `/search?${params}`));
      print(results, command.optsWithGlobals(), () => formatResults(results));
    }));
}
