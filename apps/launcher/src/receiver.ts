import { createServer, type IncomingMessage } from 'node:http';
import { parseArgs } from 'node:util';
import { formatRequest } from './receiver/format-request';
import { verifyStandardWebhook } from './receiver/verify-signature';

/**
 * `npm run receiver -- --port 4000 [--secret whsec_…]`: a local webhook receiver that prints every
 * request and, given the webhook's secret, checks its Standard Webhooks signature
 * (204 when valid or unchecked, 401 when invalid).
 */
function main(): void {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4000' },
      host: { type: 'string', default: '127.0.0.1' },
      secret: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('usage: npm run receiver -- [--port 4000] [--host 127.0.0.1] [--secret whsec_...]');
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port: must be a port number (got "${values.port}")`);
    process.exit(2);
  }
  const secret = values.secret ?? process.env.WEBHOOK_SECRET;
  if (secret !== undefined && !secret.startsWith('whsec_')) {
    console.error('--secret: expected the webhook secret as the API returns it (whsec_…)');
    process.exit(2);
  }

  const server = createServer((request, response) => {
    readBody(request).then(
      (body) => {
        const receivedAt = new Date();
        const check = secret
          ? verifyStandardWebhook({
              secret,
              headers: request.headers,
              body,
              nowSeconds: Math.floor(receivedAt.getTime() / 1000),
            })
          : undefined;
        const verdict = !check
          ? '(signature not checked: no --secret)'
          : check.valid
            ? 'signature ok'
            : `BAD SIGNATURE: ${check.reason}`;
        process.stdout.write(
          formatRequest({
            method: request.method ?? '?',
            path: request.url ?? '/',
            headers: request.headers,
            body,
            verdict,
            receivedAt,
          }),
        );
        response.writeHead(check && !check.valid ? 401 : 204).end();
      },
      // A client that aborts mid-body must not take the receiver down (an unhandled rejection would).
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        console.error(
          `receiver: ${request.method ?? '?'} ${request.url ?? '/'} ended before its body was read: ${reason}`,
        );
        if (!response.headersSent && !response.destroyed) response.writeHead(400).end();
      },
    );
  });
  server.listen(port, values.host, () => {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    console.log(
      `receiver listening on http://${values.host}:${actualPort}/ ` +
        (secret ? '(checking signatures)' : '(not checking signatures: pass --secret whsec_…)'),
    );
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => server.close(() => process.exit(0)).closeAllConnections());
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
    // Some aborts only close the request; without this the promise would never settle.
    request.on('close', () => {
      if (!request.complete) reject(new Error('the client closed the connection'));
    });
  });
}

main();
