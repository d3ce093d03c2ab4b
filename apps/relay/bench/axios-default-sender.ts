/**
 * The baseline the relay's HTTP clients are compared with: axios' own http adapter on keep-alive agents
 * (what axios does when nothing else is chosen), wrapped as the relay's HttpSender. It reads answers as
 * the relay's clients do (the first bytes kept, the connection dropped past MAX_DRAIN_BYTES, the status
 * kept), so the comparison measures the client, not a different amount of work.
 */
import http from 'node:http';
import https from 'node:https';
import { type Readable } from 'node:stream';
import axios from 'axios';
import { guardedLookup } from '../src/delivery/ssrf-guard';
import { createAxiosSender } from '../src/http/axios-sender';
import { AXIOS_OPTIONS } from '../src/http/create-sender';
import { type HttpSender } from '../src/http/http-sender';
import { MAX_DRAIN_BYTES } from '../src/http/undici-exchange';

export function createAxiosDefaultSender(options: {
  connectionsPerOrigin: number;
  guardPrivateTargets: boolean;
  maxResponseBytes: number;
}): HttpSender {
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.connectionsPerOrigin,
    ...(options.guardPrivateTargets ? { lookup: guardedLookup } : {}),
  };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);
  // a stream, read below: axios' maxContentLength would reject a long answer instead, losing its status
  const instance = axios.create({
    ...AXIOS_OPTIONS,
    adapter: 'http',
    httpAgent,
    httpsAgent,
    responseType: 'stream',
  });
  instance.interceptors.response.use(async (response) => {
    response.data = await readCapped(response.data as Readable, options.maxResponseBytes);
    return response;
  });
  return createAxiosSender({
    axios: instance,
    // this adapter's `timeout` is an idle timeout: the sender adds the overall deadline
    timeoutIsDeadline: false,
    destroy: async () => {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  });
}

/** Reads a response body, keeping its first `maxBytes` as text and discarding the rest. */
async function readCapped(body: Readable, maxBytes: number): Promise<string> {
  const kept: Buffer[] = [];
  let keptBytes = 0;
  let seen = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    seen += chunk.length;
    if (keptBytes < maxBytes) {
      const part = chunk.length > maxBytes - keptBytes ? chunk.subarray(0, maxBytes - keptBytes) : chunk;
      kept.push(part);
      keptBytes += part.length;
    }
    if (seen > MAX_DRAIN_BYTES) {
      body.destroy();
      break;
    }
  }
  if (kept.length === 0) return '';
  return kept.length === 1 ? (kept[0] as Buffer).toString('utf8') : Buffer.concat(kept).toString('utf8');
}
