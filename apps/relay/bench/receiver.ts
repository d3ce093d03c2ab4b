// Bench receiver, run as its own process so it doesn't compete with the relay's event loop.
// Records (x-batch header, receipt time) per request; replies 200. Commands over IPC: 'reset', 'report'.
import http from 'node:http';
import { type AddressInfo } from 'node:net';

let batches: number[] = [];
let times: number[] = [];
let ids = new Set<string>();
let count = 0;
const server = http.createServer((req, res) => {
  req.on('data', () => {});
  req.on('end', () => {
    count++;
    batches.push(Number(req.headers['x-batch'] ?? -1));
    times.push(performance.timeOrigin + performance.now());
    const id = req.headers['webhook-id'];
    if (typeof id === 'string') ids.add(id);
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' });
    res.end('ok');
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () =>
  process.send?.({ type: 'ready', port: (server.address() as AddressInfo).port }),
);
process.on('message', (msg) => {
  if (msg === 'reset') {
    batches = [];
    times = [];
    ids = new Set();
    count = 0;
    process.send?.({ type: 'reset' });
  } else if (msg === 'count') {
    process.send?.({ type: 'count', count, distinct: ids.size });
  } else if (msg === 'report') {
    process.send?.({ type: 'report', batches, times, distinct: ids.size });
  }
});
process.on('disconnect', () => process.exit(0));
