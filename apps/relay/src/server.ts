import http from 'node:http';
import { type Registry } from 'prom-client';

/**
 * /health and /metrics. Health is 200 while the relay loop runs, 503 once it is stopping; it names the
 * target plugins this relay loaded, so a deployment can check every relay loads the same ones.
 */
export function startServer(input: {
  port: number;
  registry: Registry;
  isHealthy: () => boolean;
  plugins: readonly string[];
}): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/health') {
      const healthy = input.isHealthy();
      res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: healthy ? 'ok' : 'stopping', plugins: input.plugins }));
      return;
    }
    if (req.method === 'GET' && path === '/metrics') {
      input.registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': input.registry.contentType });
          res.end(text);
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`metrics unavailable: ${(error as Error).message}`);
        },
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'not found' }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(input.port, () => {
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : input.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
