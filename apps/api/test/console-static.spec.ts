import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app';

const INDEX_HTML =
  '<!doctype html><html><head><script type="module" src="/assets/index-Bx7kQ2aZ.js"></script></head><body><div id="root"></div></body></html>';

describe('the console served at /', () => {
  let dir: string;
  let app: TestApp;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hookrelay-console-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), INDEX_HTML);
    await writeFile(join(dir, 'assets', 'index-Bx7kQ2aZ.js'), 'console.log("console")');
    await writeFile(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    app = await startTestApp({ consoleDir: dir });
  });
  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  const get = (path: string, init?: RequestInit) => fetch(app.baseUrl + path, init);

  it('serves index.html at / with no-cache and a strict CSP that forbids framing', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toBe(INDEX_HTML);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('falls back to index.html for the console’s own routes (client-side routing)', async () => {
    for (const path of [
      '/webhooks',
      '/webhooks/6f1c1c2e-8f0a-4f43-9c55-2f6a1b0c9d11/edit',
      '/deliveries?status=dead',
    ]) {
      const page = await get(path);
      expect(page.status, path).toBe(200);
      expect(await page.text(), path).toBe(INDEX_HTML);
      expect(page.headers.get('cache-control'), path).toBe('no-cache');
      expect(page.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    }
    expect((await get('/webhooks', { method: 'HEAD' })).status).toBe(200);
  });

  it('caches hashed assets for good and other files briefly', async () => {
    const asset = await get('/assets/index-Bx7kQ2aZ.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    const icon = await get('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('leaves API paths to the API: an unknown /v1 path is still a problem+json 404', async () => {
    const unknown = await get('/v1/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect((await get('/v1/groups')).status).toBe(401);
    expect((await get('/health')).status).toBe(200);
    expect((await get('/docs-json')).headers.get('content-type')).toContain('json');
    expect((await get('/metrics')).headers.get('content-type')).toContain('text/plain');
    const link = await get(`/console/links/${'C'.repeat(43)}`);
    expect(link.status).toBe(404);
    expect(await link.text()).not.toBe(INDEX_HTML);
  });

  it('does not answer a missing file with index.html, nor other methods', async () => {
    const missing = await get('/assets/gone-12345678.js');
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toBe(INDEX_HTML);
    expect((await get('/webhooks', { method: 'POST' })).status).toBe(404);
  });
});

describe('without a built console', () => {
  let dir: string;
  let app: TestApp;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hookrelay-no-console-'));
    app = await startTestApp({ consoleDir: dir });
  });
  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('starts, and / answers a short 404 text saying how to build the console', async () => {
    const page = await fetch(`${app.baseUrl}/`);
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/plain');
    const text = await page.text();
    expect(text).toContain('console is not built');
    expect(text).toContain('npm run build');
    expect(text).not.toContain(dir);
    expect((await fetch(`${app.baseUrl}/webhooks`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/health`)).status).toBe(200);
    const unknown = await fetch(`${app.baseUrl}/v1/nothing-here`);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
  });
});
