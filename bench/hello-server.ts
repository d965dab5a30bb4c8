/**
 * The baseline: a bare Fastify app with one route, as cheap as a Node HTTP framework gets.
 * Usage: node bench/hello-server.ts <port>
 */
import fastify from 'fastify';

const port = Number(process.argv[2] ?? 0);
const app = fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));

const address = await app.listen({ port, host: '127.0.0.1' });
console.log(`hello server listening at ${address}`);

const stop = () => void app.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
