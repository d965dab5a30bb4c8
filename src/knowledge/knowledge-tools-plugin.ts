import { z } from 'zod';
import type { FoundryPlugin } from '../kernel/index.ts';
import { ingestToolName, settleToolName } from './ingestion-run.ts';
import { ingestSource } from './ingest-source.ts';
import type { KnowledgeDeps } from './knowledge-deps.ts';
import { settleSource } from './settle-source.ts';

const sourceInput = z.object({ sourceId: z.uuid() });

/**
 * The tools of knowledge ingestion runs, as a plugin: `knowledge.ingest` and `knowledge.settle`.
 * Every worker process registers it, since any of them may drive an ingestion run. Both act only
 * for the run recorded on the source, within the run's workspace.
 */
export function knowledgeToolsPlugin(deps: KnowledgeDeps): FoundryPlugin {
  return {
    name: 'knowledge',
    tools: [
      {
        name: ingestToolName,
        description: "Reads a knowledge source (Foundry's ingestion runs start it): fetch, extract, chunk, embed and index.",
        inputSchema: sourceInput,
        // Parsing is CPU-bound: a few at a time per worker keeps the process responsive.
        concurrency: 2,
        async execute(input, call) {
          const { sourceId } = sourceInput.parse(input);
          return { output: await ingestSource(deps, sourceId, { workspaceId: call.workspaceId, runId: call.runId, signal: call.signal }) };
        },
      },
      {
        name: settleToolName,
        description: 'Ends a knowledge ingestion run: marks a source that is not ready as failed, with its last error.',
        inputSchema: sourceInput,
        async execute(input, call) {
          const { sourceId } = sourceInput.parse(input);
          return { output: await settleSource(deps, sourceId, { workspaceId: call.workspaceId, runId: call.runId }) };
        },
      },
    ],
  };
}
