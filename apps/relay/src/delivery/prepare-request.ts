import { renderRequest, signRequest, type JsonObject, type RenderedRequest } from '@hookrelay/core';
import { type OutgoingRequest } from '../http/http-sender';
import { type ClaimedJob } from '../outbox/types';
import { type DeliverableWebhook } from './deliverable-webhook';

export const MAX_REQUEST_BODY_BYTES = 256 * 1024;
import { REDACTED } from './redacted';

export type PreparedRequest =
  | { ok: true; request: RenderedRequest; url: URL }
  | { ok: false; error: 'invalid_request' | 'too_large'; message: string; log: JsonObject };

/**
 * Renders the job's request at delivery time (the templates of now, the snapshot of then) and refuses
 * oversized bodies and URLs that are not http(s). Signing comes later (`signPrepared`), just before
 * sending, so the signed timestamp is fresh even if the job waited for a connection.
 */
export function prepareRequest(input: {
  job: ClaimedJob;
  webhook: DeliverableWebhook;
  now: Date;
}): PreparedRequest {
  const { job, webhook, now } = input;
  let rendered: RenderedRequest;
  try {
    rendered = renderRequest({
      webhook: webhook.definition,
      snapshot: job.snapshot,
      trigger: job.trigger,
      delivery: { id: job.id, timestamp: now },
      ...(webhook.settings ? { settings: webhook.settings } : {}),
    });
  } catch (error) {
    const field = (error as { field?: string }).field;
    const message = `cannot render the request${field ? ` (${field})` : ''}: ${(error as Error).message}`;
    return {
      ok: false,
      error: 'invalid_request',
      message,
      log: { method: webhook.definition.method, url: webhook.definition.url },
    };
  }
  const body = rendered.body ?? '';
  if (Buffer.byteLength(body) > MAX_REQUEST_BODY_BYTES) {
    return {
      ok: false,
      error: 'too_large',
      message: `request body is ${Buffer.byteLength(body)} bytes; the limit is ${MAX_REQUEST_BODY_BYTES}`,
      log: redactedLog({ ...rendered, body: undefined }, webhook),
    };
  }
  const url = URL.canParse(rendered.url) ? new URL(rendered.url) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    const message = url ? 'only http and https URLs are delivered' : 'the rendered URL is not a valid URL';
    return {
      ok: false,
      error: 'invalid_request',
      message,
      log: redactedLog(rendered, webhook),
    };
  }
  return { ok: true, request: rendered, url };
}

/**
 * Adds the Standard Webhooks headers, signed with the current secret and every secret retired in the
 * last 24 h. `log` is the request as the attempt log shows it: secret header values redacted.
 */
export function signPrepared(input: {
  jobId: string;
  request: RenderedRequest;
  target: URL;
  webhook: DeliverableWebhook;
  now: Date;
}): { request: OutgoingRequest; log: JsonObject } {
  const { webhook, now } = input;
  const secrets = [webhook.signingSecret];
  for (const retired of webhook.retiredSigningSecrets) {
    if (retired.expiresAt.getTime() > now.getTime()) secrets.push(retired.secret);
  }
  const signature = signRequest({ id: input.jobId, timestamp: now, body: input.request.body ?? '', secrets });
  const headers = Object.assign({}, input.request.headers, signature);
  const { method, url, body } = input.request;
  const request: OutgoingRequest = { method, url, headers, body, target: input.target };
  return { request, log: redactedLog(request, webhook) };
}

/**
 * The request as the attempt log shows it: secret headers redacted by name, and secret values (a Slack
 * webhook URL, a shared secret some APIs want in the body) redacted wherever they appear.
 */
export function redactedLog(
  request: RenderedRequest,
  webhook: Pick<DeliverableWebhook, 'secretHeaderNames' | 'scrubSecrets'>,
): JsonObject {
  const hide = webhook.scrubSecrets;
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.headers)) {
    headers[key] = webhook.secretHeaderNames.has(key.toLowerCase()) ? REDACTED : hide(value);
  }
  const log: JsonObject = { method: request.method, url: hide(request.url), headers };
  if (request.body !== undefined) log.body = hide(request.body);
  return log;
}
