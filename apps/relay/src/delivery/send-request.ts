import { type AxiosInstance, isAxiosError } from 'axios';
import { type RenderedRequest } from '@hookrelay/core';
import { findSsrfRefusal } from './ssrf-guard';

export const SEND_ERRORS = ['timeout', 'network', 'ssrf'] as const;
export type SendError = (typeof SEND_ERRORS)[number];

export type SendResult =
  | { kind: 'response'; status: number; headers: Record<string, string | string[]>; body: string; durationMs: number }
  | { kind: 'error'; error: SendError; message: string; durationMs: number };

/** Sends one rendered request; never throws: every failure becomes a SendResult. */
export async function sendRequest(input: {
  client: AxiosInstance;
  request: RenderedRequest;
  timeoutMs: number;
}): Promise<SendResult> {
  const started = performance.now();
  try {
    const response = await input.client.request<string>({
      method: input.request.method,
      url: input.request.url,
      headers: input.request.headers,
      data: input.request.body,
      timeout: input.timeoutMs,
    });
    return {
      kind: 'response',
      status: response.status,
      headers: plainHeaders(response.headers),
      body: typeof response.data === 'string' ? response.data : String(response.data ?? ''),
      durationMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    const durationMs = Math.round(performance.now() - started);
    const refusal = findSsrfRefusal(error);
    if (refusal) return { kind: 'error', error: 'ssrf', message: refusal.message, durationMs };
    const code = isAxiosError(error) ? error.code : undefined;
    if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
      return { kind: 'error', error: 'timeout', message: `no response within ${input.timeoutMs} ms`, durationMs };
    }
    return { kind: 'error', error: 'network', message: describeNetworkError(error), durationMs };
  }
}

function plainHeaders(headers: unknown): Record<string, string | string[]> {
  const source =
    headers && typeof (headers as { toJSON?: unknown }).toJSON === 'function'
      ? (headers as { toJSON(): Record<string, unknown> }).toJSON()
      : (headers as Record<string, unknown>);
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(source ?? {})) {
    if (value === undefined || value === null) continue;
    out[key] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return out;
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = (error as { code?: string }).code ?? cause?.code;
  const message = (error as Error).message || cause?.message || 'network error';
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}
