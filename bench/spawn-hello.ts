import { spawnChild, type BenchChild } from './child-process.ts';
import { freePort } from '../src/kernel/index.ts';
import { waitFor200 } from './wait-ready.ts';

export interface HelloProcess {
  child: BenchChild;
  url: string;
  /** ms from spawn to the first 200 from /hello. */
  coldStartMs: number;
  stop(): Promise<number>;
}

/** Spawns bench/hello-server.ts (the bare Fastify baseline) and waits until /hello answers. */
export async function startHello(): Promise<HelloProcess> {
  const port = await freePort();
  const child = spawnChild('hello server', ['bench/hello-server.ts', String(port)], { ...process.env });
  const url = `http://127.0.0.1:${port}`;
  try {
    const coldStartMs = await waitFor200(child, `${url}/hello`);
    return { child, url, coldStartMs, stop: () => child.stop() };
  } catch (error) {
    await child.stop();
    throw error;
  }
}
