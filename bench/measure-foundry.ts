import { measureFoundryColdStarts } from './cold-start.ts';
import { apiRequest, heapFromMetrics, signUp } from './foundry-api.ts';
import { measureLatency, type LatencySettings, type LatencyTarget } from './measure-latency.ts';
import { embeddedPostgresPids } from './postgres-processes.ts';
import type { ModeResults } from './report.ts';
import { groupMemory, processMemory, type GroupMemory, type ProcessMemory } from './rss.ts';
import {
  analyzeProjects, countProjects, embeddedUrl, listPlan, projectStatistics, serverPidsFor, serverSettings,
} from './scratch-db.ts';
import { startFoundry, type FoundryMode, type FoundryProcess } from './spawn-foundry.ts';
import { sleep } from './stats.ts';

export interface ModeOptions {
  mode: FoundryMode;
  tmpRoot: string;
  coldStartRuns: number;
  idleSeconds: number;
  latency: LatencySettings;
  log: (line: string) => void;
}

async function memoryOf(foundry: FoundryProcess): Promise<{ foundry: ProcessMemory; postgres?: GroupMemory }> {
  const node = await processMemory(foundry.child.pid);
  if (foundry.mode !== 'embedded') return { foundry: node };
  return { foundry: node, postgres: await groupMemory(await embeddedPostgresPids(foundry.dataDir)) };
}

/**
 * Cold starts, idle memory, then the latency of creating projects and of listing them: once right
 * after the inserts (as the planner then sees the table: autovacuum has usually not analyzed it
 * yet) and once after ANALYZE (the steady state autovacuum reaches within about a minute).
 */
export async function measureFoundryMode({ mode, tmpRoot, coldStartRuns, idleSeconds, latency, log }: ModeOptions): Promise<ModeResults> {
  log(`${mode}: cold starts`);
  const { dataDir, databaseUrl, ...coldStart } = await measureFoundryColdStarts(mode, tmpRoot, coldStartRuns, log);

  log(`${mode}: idle memory (${idleSeconds} s idle after ready)`);
  const foundry = await startFoundry({ mode, dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
  try {
    await sleep(idleSeconds * 1000);
    const idle = { ...(await memoryOf(foundry)), heap: await heapFromMetrics(foundry.url) };
    const dbUrl = mode === 'embedded' ? await embeddedUrl(dataDir) : databaseUrl!;
    const database = await serverSettings(dbUrl);

    const account = await signUp(foundry.url);
    const label = mode === 'embedded' ? 'embedded' : 'PostgreSQL';
    const auth = { authorization: `Bearer ${account.token}` };
    const cpuGroups = async () => ({ server: [foundry.child.pid], postgres: await serverPidsFor(dbUrl) });

    log(`${mode}: POST /api/projects`);
    const create = await measureLatency({
      label: `${label} POST /api/projects`,
      url: `${foundry.url}/api/projects`,
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench project [<id>]', studio: 'product' }),
      cpuGroups,
    }, latency);

    const first = await apiRequest<{ items: unknown[] }>(foundry.url, account.token, 'GET', '/api/projects?limit=50');
    if (first.items.length !== 50) throw new Error(`GET /api/projects?limit=50 returned ${first.items.length} items, expected 50`);
    const projects = await countProjects(dbUrl);
    const list = (suffix: string): LatencyTarget => ({
      label: `${label} GET /api/projects?limit=50${suffix}`,
      url: `${foundry.url}/api/projects?limit=50`,
      method: 'GET',
      headers: auth,
      cpuGroups,
    });

    const statisticsBefore = await projectStatistics(dbUrl);
    const planBefore = await listPlan(dbUrl, account.workspaceId, account.userId);
    log(`${mode}: GET /api/projects?limit=50, ${projects} projects, right after the inserts`);
    const listFresh = await measureLatency(list(' (just inserted)'), latency);
    const statisticsAfterFreshRun = await projectStatistics(dbUrl);

    await analyzeProjects(dbUrl);
    const planAnalyzed = await listPlan(dbUrl, account.workspaceId, account.userId);
    log(`${mode}: GET /api/projects?limit=50 after ANALYZE`);
    const listAnalyzed = await measureLatency(list(' (after ANALYZE)'), latency);

    const afterLoad = await memoryOf(foundry);
    return {
      mode, coldStart, database, idle, afterLoad, projectsBeforeList: projects,
      planner: { statisticsBefore, statisticsAfterFreshRun, planBefore, planAnalyzed },
      latency: { create, listFresh, listAnalyzed },
    };
  } finally {
    await foundry.stop();
  }
}
