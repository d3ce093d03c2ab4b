import { type Readable } from 'node:stream';

/** Bodies beyond this are not drained: the connection is dropped instead of reading megabytes. */
export const MAX_DRAIN_BYTES = 1024 * 1024;

/** Reads a response body, keeping its first `maxBytes` as text and discarding the rest. */
export async function readCapped(body: Readable, maxBytes: number): Promise<string> {
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
