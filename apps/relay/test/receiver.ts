import http from 'node:http';
import { type AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Date.now() when the whole request had arrived. */
  receivedAt: number;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Never answer (the relay's timeout must fire). */
  hang?: boolean;
  /** Close the connection without an answer (the client sees a reset). */
  reset?: boolean;
  /** Answer after this long. */
  delayMs?: number;
  /** Send the headers at once, then the body one byte at a time, `everyMs` apart (a slow-drip receiver). */
  drip?: { bytes: number; everyMs: number };
  /** Stream a body this long in 64 KiB chunks, as fast as the client reads it (stops if it hangs up). */
  stream?: { bytes: number };
}

/** A real node:http receiver on 127.0.0.1:0 that records every request and answers with `reply`. */
export class Receiver {
  readonly requests: ReceivedRequest[] = [];
  /** URLs of the requests whose answer was sent to the end (not cut by the client). */
  readonly answered: string[] = [];
  /** URLs of the requests whose connection the client closed before the answer was complete. */
  readonly cut: string[] = [];
  /** Body bytes the client accepted, per URL, for `stream` replies. */
  readonly streamed = new Map<string, number>();
  reply: (request: ReceivedRequest, index: number) => Reply = () => ({ status: 200, body: 'ok' });
  /** Requests being answered now, and the most there ever were at once. */
  inFlight = 0;
  maxInFlight = 0;
  private readonly server: http.Server;
  host = '127.0.0.1';
  port = 0;

  constructor() {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const received: ReceivedRequest = {
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          receivedAt: Date.now(),
        };
        this.requests.push(received);
        this.inFlight++;
        this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
        const reply = this.reply(received, this.requests.length - 1);
        res.on('close', () => {
          this.inFlight--;
          if (!res.writableFinished) this.cut.push(received.url);
        });
        if (reply.reset) {
          req.socket.destroy();
          return;
        }
        if (reply.hang) return;
        res.on('finish', () => this.answered.push(received.url));
        const answer = () => {
          res.writeHead(reply.status ?? 200, reply.headers ?? {});
          res.end(reply.body ?? '');
        };
        if (reply.drip) drip(res, reply.drip);
        else if (reply.stream)
          void stream(res, reply.stream.bytes, (n) => this.streamed.set(received.url, n));
        else if (reply.delayMs) setTimeout(answer, reply.delayMs);
        else answer();
      });
    });
  }

  /** On 127.0.0.1, or another loopback address (127.0.x.y) to be a host of its own. */
  static async start(host = '127.0.0.1'): Promise<Receiver> {
    const receiver = new Receiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, host, resolve));
    receiver.host = host;
    receiver.port = (receiver.server.address() as AddressInfo).port;
    return receiver;
  }

  url(path = '/hook'): string {
    return `http://${this.host}:${this.port}${path}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function drip(res: http.ServerResponse, input: { bytes: number; everyMs: number }): void {
  res.writeHead(200, { 'content-length': String(input.bytes) });
  res.flushHeaders();
  let sent = 0;
  const timer = setInterval(() => {
    res.write('x');
    if (++sent === input.bytes) {
      clearInterval(timer);
      res.end();
    }
  }, input.everyMs);
  res.on('close', () => clearInterval(timer));
}

async function stream(res: http.ServerResponse, bytes: number, progress: (n: number) => void): Promise<void> {
  res.writeHead(200, { 'content-length': String(bytes) });
  const chunk = Buffer.alloc(64 * 1024, 'z');
  let closed = false;
  res.on('close', () => (closed = true));
  let sent = 0;
  while (sent < bytes && !closed) {
    const ok = res.write(chunk);
    sent += chunk.length;
    progress(sent);
    if (!ok)
      await new Promise<void>((resolve) => {
        const go = () => {
          res.off('drain', go).off('close', go);
          resolve();
        };
        res.once('drain', go).once('close', go);
      });
  }
  if (!closed) res.end();
}
