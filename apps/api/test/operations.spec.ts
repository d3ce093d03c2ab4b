import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';
import { startTestApp, type TestApp } from './support/test-app';

describe('operations', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('reports health with the database check, without a key', async () => {
    const response = await fetch(`${app.baseUrl}/health`);
    expect(response.status).toBe(200);
    const health = await response.json();
    expect(health).toMatchObject({ status: 'ok', database: 'ok' });
    // the target plugins this process loaded, so a relay built with other plugins can be spotted
    expect((health as { plugins: string[] }).plugins).toEqual(
      expect.arrayContaining(['wordpress', 'slack', 'zapier']),
    );
  });

  it('exposes Prometheus metrics, including the HTTP request histogram by route', async () => {
    await fetch(`${app.baseUrl}/health`);
    const response = await fetch(`${app.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('hookrelay_api_http_request_duration_seconds_bucket');
    expect(text).toMatch(/route="\/health"/);
    expect(text).toContain('hookrelay_api_outbox_jobs_inserted_total');
  });

  it('serves the OpenAPI document generated from the code', async () => {
    const ui = await fetch(`${app.baseUrl}/docs`);
    expect(ui.status).toBe(200);
    const spec = (await (await fetch(`${app.baseUrl}/docs-json`)).json()) as {
      paths: Record<string, unknown>;
    };
    for (const path of [
      '/v1/groups',
      '/v1/events/{id}',
      '/v1/events/{eventId}/rsvps',
      '/v1/webhooks/{id}/preview',
      '/v1/webhooks/{webhookId}/replay',
      '/v1/deliveries/{id}/retry',
      '/v1/variables',
      '/v1/targets',
    ]) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
  });

  it('answers unknown routes with problem+json 404', async () => {
    const response = await fetch(`${app.baseUrl}/v1/nothing-here`, {
      headers: { authorization: 'Bearer x' },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, title: 'Not Found' });
  });
});

describe('configuration', () => {
  const valid = {
    DATABASE_URL: 'postgres://u@localhost/db',
    HOOKRELAY_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
  };

  it('reads defaults', () => {
    expect(loadConfig(valid)).toMatchObject({ port: 3000, allowPrivateTargets: false });
  });

  it('lists every bad value with one clear line each', () => {
    try {
      loadConfig({ PORT: 'abc', HOOKRELAY_ENCRYPTION_KEY: 'short', HOOKRELAY_ALLOW_PRIVATE_TARGETS: 'yes' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
        'DATABASE_URL',
        'HOOKRELAY_ALLOW_PRIVATE_TARGETS',
        'HOOKRELAY_ENCRYPTION_KEY',
        'PORT',
      ]);
    }
  });
});
