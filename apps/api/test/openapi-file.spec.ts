import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createOfflineOpenApiDocument, OPENAPI_FILE } from '../src/openapi/offline-document';

const REGENERATE =
  'apps/api/openapi.json is out of date: run `npm run openapi -w @hookrelay/api` and commit it';

describe('the committed OpenAPI file (apps/api/openapi.json)', () => {
  it('is the current document, built without a database', async () => {
    const committed: unknown = JSON.parse(await readFile(OPENAPI_FILE, 'utf8'));
    const current: unknown = JSON.parse(JSON.stringify(await createOfflineOpenApiDocument()));
    expect(committed, REGENERATE).toStrictEqual(current);
  });

  it('keeps its keys sorted, so regenerating it gives small diffs', async () => {
    const committed: unknown = JSON.parse(await readFile(OPENAPI_FILE, 'utf8'));
    const unsorted: string[] = [];
    const visit = (value: unknown, path: string): void => {
      if (value === null || typeof value !== 'object') return;
      if (Array.isArray(value)) return value.forEach((item, i) => visit(item, `${path}[${i}]`));
      const keys = Object.keys(value);
      if (keys.join('\n') !== [...keys].sort().join('\n')) unsorted.push(path || '(root)');
      for (const key of keys) visit((value as Record<string, unknown>)[key], `${path}.${key}`);
    };
    visit(committed, '');
    expect(unsorted, REGENERATE).toEqual([]);
  });
});
