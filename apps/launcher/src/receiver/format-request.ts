import type { IncomingHttpHeaders } from 'node:http';

/** Transport details nobody debugging a webhook needs to read. */
const NOISE = new Set([
  'host',
  'connection',
  'content-length',
  'accept-encoding',
  'accept-language',
  'keep-alive',
  'accept',
  'sec-fetch-mode',
]);

/** One request as a human reads it: the request line, the headers that matter, the body pretty-printed. */
export function formatRequest(options: {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  verdict: string;
  receivedAt: Date;
}): string {
  const { method, path, headers, body, verdict, receivedAt } = options;
  const lines = [`${receivedAt.toISOString()}  ${method} ${path}  ${verdict}`];
  for (const [name, value] of Object.entries(headers)) {
    if (NOISE.has(name) || value === undefined) continue;
    lines.push(`  ${name}: ${Array.isArray(value) ? value.join(', ') : value}`);
  }
  if (body.length > 0) lines.push(indent(prettyBody(body)));
  return `${lines.join('\n')}\n`;
}

function prettyBody(body: Buffer): string {
  const text = body.toString('utf8');
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
