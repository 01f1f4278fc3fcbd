import Fastify from 'fastify';
import { serveUntilStopped } from './baseline-process';

/**
 * The floor of a service's memory: a bare Node process with an empty Fastify server (only the /health the
 * bench waits for), no framework, no database pool, no Redis, no logger. What any service costs at least.
 */
const app = Fastify({ logger: false });
app.get('/health', async () => ({ status: 'ok' }));
serveUntilStopped(app, async () => undefined);
