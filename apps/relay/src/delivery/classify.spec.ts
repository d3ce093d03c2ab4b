import { BUILTIN_TARGET_PLUGINS, type TargetPlugin } from '@hookrelay/targets';
import { describe, expect, it } from 'vitest';
import { type SendResult } from '../http/http-sender';
import { classifySendResult } from './classify';

function plugin(kind: string): TargetPlugin {
  const found = BUILTIN_TARGET_PLUGINS.find((p) => p.kind === kind);
  if (!found) throw new Error(`no built-in plugin ${kind}`);
  return found;
}

function response(status: number, body = '', headers: Record<string, string> = {}): SendResult {
  return { kind: 'response', status, headers, body, durationMs: 5 };
}

describe('classifySendResult', () => {
  it('keeps the generic verdict without a plugin', () => {
    expect(classifySendResult(response(200), undefined)).toEqual({ kind: 'delivered' });
    expect(classifySendResult(response(503), undefined).kind).toBe('retry');
    expect(classifySendResult(response(410), undefined)).toMatchObject({
      kind: 'dead',
      disableWebhook: true,
    });
  });

  it('lets a plugin turn a 2xx error answer into dead and disable the webhook (Slack no_service)', () => {
    expect(classifySendResult(response(404, 'no_service'), plugin('slack'))).toMatchObject({
      kind: 'dead',
      disableWebhook: true,
      reason: expect.stringContaining('slack'),
    });
    expect(classifySendResult(response(200, 'ok'), plugin('slack'))).toEqual({ kind: 'delivered' });
  });

  it('lets a plugin call a redirect delivered (Apps Script answers 302 after writing the row)', () => {
    const redirect = response(302, '', {
      location: 'https://script.googleusercontent.com/macros/echo?user_content_key=abc',
    });
    expect(classifySendResult(redirect, undefined).kind).toBe('retry');
    expect(classifySendResult(redirect, plugin('google-sheets'))).toEqual({ kind: 'delivered' });
  });

  it('kills a permanent redirect at once and retries a temporary one, naming the Location', () => {
    const moved = (status: number) => response(status, '', { location: 'https://new.example.com/hook' });
    for (const status of [301, 308]) {
      expect(classifySendResult(moved(status), undefined)).toMatchObject({
        kind: 'dead',
        reason: expect.stringContaining('https://new.example.com/hook'),
      });
    }
    for (const status of [302, 303, 307]) {
      expect(classifySendResult(moved(status), undefined)).toMatchObject({
        kind: 'retry',
        reason: expect.stringContaining('https://new.example.com/hook'),
      });
    }
  });

  it('never asks the plugin about network errors', () => {
    const error: SendResult = { kind: 'error', error: 'network', message: 'ECONNRESET', durationMs: 1 };
    expect(classifySendResult(error, plugin('slack')).kind).toBe('retry');
  });
});
