// Bench receiver, run as its own process so it doesn't compete with the relay's event loop.
// Records (x-batch header, receipt time, which listener) per request. Listens on each address given as
// JSON in argv[2] ([{ host, reply: 'ok' | 'hang', delayMs }]; default one on 127.0.0.1 answering 200).
// Commands over IPC: 'reset', 'count', 'report'.
import http from 'node:http';
import { type AddressInfo } from 'node:net';

interface Listener {
  host: string;
  reply?: 'ok' | 'hang';
  delayMs?: number;
}

const listeners: Listener[] = JSON.parse(process.argv[2] ?? '[{"host":"127.0.0.1"}]');
let batches: number[] = [];
let times: number[] = [];
let hosts: number[] = [];
let ids = new Set<string>();
let count = 0;

function serve(listener: Listener, index: number): Promise<number> {
  const server = http.createServer((req, res) => {
    req.on('data', () => {});
    req.on('end', () => {
      count++;
      batches.push(Number(req.headers['x-batch'] ?? -1));
      times.push(performance.timeOrigin + performance.now());
      hosts.push(index);
      const id = req.headers['webhook-id'];
      if (typeof id === 'string') ids.add(id);
      if (listener.reply === 'hang') return;
      const answer = () => {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' });
        res.end('ok');
      };
      if (listener.delayMs) setTimeout(answer, listener.delayMs);
      else answer();
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) =>
    server.listen(0, listener.host, () => resolve((server.address() as AddressInfo).port)),
  );
}

void Promise.all(listeners.map(serve)).then((ports) =>
  process.send?.({ type: 'ready', port: ports[0], ports }),
);
process.on('message', (msg) => {
  if (msg === 'reset') {
    batches = [];
    times = [];
    hosts = [];
    ids = new Set();
    count = 0;
    process.send?.({ type: 'reset' });
  } else if (msg === 'count') {
    process.send?.({ type: 'count', count, distinct: ids.size });
  } else if (msg === 'report') {
    process.send?.({ type: 'report', batches, times, hosts, distinct: ids.size });
  }
});
process.on('disconnect', () => process.exit(0));
