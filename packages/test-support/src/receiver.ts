import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  /** Path and query string. */
  url: string;
  /** Lower-case names; a repeated header is joined with ', '. */
  headers: Record<string, string>;
  body: string;
  /** Date.now() when the whole request had arrived. */
  receivedAt: number;
}

/**
 * What the receiver does with one request: answer (200 by default, after `delayMs` if given), hang
 * (never answer, so the client's timeout must fire), reset (close the connection without an answer),
 * drip (the headers at once, then the body one byte every `everyMs`: each gap short, the whole slow),
 * or stream (a body this long in 64 KiB chunks, as fast as the client reads, until it hangs up).
 */
export type Reply =
  | { status?: number; headers?: Record<string, string>; body?: string; delayMs?: number }
  | { hang: true }
  | { reset: true }
  | { drip: { bytes: number; everyMs: number } }
  | { stream: { bytes: number } };

/** Chooses the reply to each request; `index` counts the requests from 0. */
export type ReplyFunction = (request: ReceivedRequest, index: number) => Reply;

export interface ReceiverOptions {
  /** 127.0.0.1 by default; another loopback address (127.0.x.y) makes it a host of its own. */
  host?: string;
  reply?: ReplyFunction;
}

const answerOk: ReplyFunction = () => ({ status: 200, body: 'ok' });

/** A real node:http webhook receiver on a free port that records every request. */
class Receiver {
  /** Every request, in the order it arrived. */
  readonly requests: ReceivedRequest[] = [];
  /** URLs of the requests whose answer was sent to the end (not cut by the client). */
  readonly answered: string[] = [];
  /** URLs of the requests whose connection the client closed before the answer was complete. */
  readonly cut: string[] = [];
  /** Body bytes the client accepted, per URL, for `stream` replies. */
  readonly streamed = new Map<string, number>();
  /** Decides each answer; assign another function to change what later requests get. */
  reply: ReplyFunction;
  /** Requests being answered now, and the most there ever were at once. */
  inFlight = 0;
  maxInFlight = 0;
  private readonly server: Server;
  private readonly waiters: Array<{ count: number; resolve: () => void }> = [];

  private constructor(
    readonly host: string,
    reply: ReplyFunction,
  ) {
    this.reply = reply;
    this.server = createServer((req, res) => this.receive(req, res));
  }

  static async start(options: ReceiverOptions = {}): Promise<Receiver> {
    const receiver = new Receiver(options.host ?? '127.0.0.1', options.reply ?? answerOk);
    await new Promise<void>((resolve) => receiver.server.listen(0, receiver.host, resolve));
    return receiver;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** `http://host:port`, as a destination's origin is written. */
  get origin(): string {
    return `http://${this.host}:${this.port}`;
  }

  /** The receiver's URL for `path` (which starts with '/'). */
  url(path: string): string {
    return this.origin + path;
  }

  /** Resolves with every request so far once there are `count`; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs = 60_000): Promise<ReceivedRequest[]> {
    if (this.requests.length >= count) return Promise.resolve(this.requests);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`receiver got ${this.requests.length} of ${count} requests in ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = {
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve(this.requests);
        },
      };
      this.waiters.push(waiter);
    });
  }

  async close(): Promise<void> {
    // hanging and dripping answers would otherwise keep close() waiting for ever
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private receive(req: IncomingMessage, res: ServerResponse): void {
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
      this.requests.push(received);
      for (const waiter of this.waiters.filter((w) => this.requests.length >= w.count)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      res.on('close', () => {
        this.inFlight--;
        if (!res.writableFinished) this.cut.push(received.url);
      });
      this.answer(received, this.reply(received, this.requests.length - 1), res);
    });
  }

  private answer(received: ReceivedRequest, reply: Reply, res: ServerResponse): void {
    if ('reset' in reply) {
      res.socket?.destroy();
      return;
    }
    if ('hang' in reply) return;
    res.on('finish', () => this.answered.push(received.url));
    if ('drip' in reply) return drip(res, reply.drip);
    if ('stream' in reply) {
      void stream(res, reply.stream.bytes, (n) => this.streamed.set(received.url, n));
      return;
    }
    const send = () => {
      res.writeHead(reply.status ?? 200, reply.headers ?? {});
      res.end(reply.body ?? '');
    };
    if (reply.delayMs) setTimeout(send, reply.delayMs);
    else send();
  }
}

// The type only: startReceiver is the one way to get a receiver, and it is listening when it resolves.
export type { Receiver };

/** Starts a receiver; see `Receiver` for what it records and `Reply` for how it can answer. */
export function startReceiver(options: ReceiverOptions = {}): Promise<Receiver> {
  return Receiver.start(options);
}

function drip(res: ServerResponse, input: { bytes: number; everyMs: number }): void {
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

async function stream(res: ServerResponse, bytes: number, progress: (n: number) => void): Promise<void> {
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
