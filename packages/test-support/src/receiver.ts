import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedRequest {
  method: string;
  /** Path and query string. */
  url: string;
  headers: Record<string, string>;
  body: string;
  receivedAt: number;
}

/** What the receiver does with one request: answer, hang (never answer), or reset the connection. */
export type ReceiverAction =
  | { kind: 'answer'; status: number; headers?: Record<string, string>; body?: string; delayMs?: number }
  | { kind: 'hang' }
  | { kind: 'reset' };

export type ReceiverBehaviour = (request: ReceivedRequest, index: number) => ReceiverAction;

export interface Receiver {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** Resolves once `count` requests have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  setBehaviour(behaviour: ReceiverBehaviour): void;
  close(): Promise<void>;
}

const answerNoContent: ReceiverBehaviour = () => ({ kind: 'answer', status: 204 });

/** A real HTTP server on 127.0.0.1 that records every request, as a webhook receiver would. */
export async function startReceiver(behaviour: ReceiverBehaviour = answerNoContent): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const sockets = new Set<Socket>();
  let current = behaviour;

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received: ReceivedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
        ),
        body: Buffer.concat(chunks).toString('utf8'),
        receivedAt: Date.now(),
      };
      const index = requests.length;
      requests.push(received);
      for (const waiter of [...waiters]) {
        if (requests.length >= waiter.count) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
      const action = current(received, index);
      if (action.kind === 'hang') return;
      if (action.kind === 'reset') {
        req.socket.destroy();
        return;
      }
      const answer = () => {
        res.writeHead(action.status, action.headers);
        res.end(action.body ?? '');
      };
      if (action.delayMs) setTimeout(answer, action.delayMs);
      else answer();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    setBehaviour(next) {
      current = next;
    },
    waitFor(count, timeoutMs = 60_000) {
      if (requests.length >= count) return Promise.resolve(requests);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`receiver got ${requests.length} of ${count} requests in ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(requests);
          },
        });
      });
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
