// `node --import tsx bench/hello-server.ts node|hono PORT`: a bare hello-world server, the floor
// `pnpm bench` measures the service's own per-request stack against. It answers every request
// with the same 15 bytes of JSON as `/api/health`, so the stack is the only difference.
import { createServer } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const [kind, portText = ''] = process.argv.slice(2);
const port = Number(portText);
const ready = () => console.log('listening');

if (!Number.isInteger(port) || port <= 0) {
  console.error('Usage: hello-server.ts node|hono PORT');
  process.exit(2);
} else if (kind === 'node') {
  const body = JSON.stringify({ status: 'ok' });
  createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  }).listen(port, '127.0.0.1', ready);
} else if (kind === 'hono') {
  const app = new Hono().get('/', (c) => c.json({ status: 'ok' }));
  serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, ready);
} else {
  console.error(`Unknown server ${String(kind)}: use node or hono`);
  process.exit(2);
}
