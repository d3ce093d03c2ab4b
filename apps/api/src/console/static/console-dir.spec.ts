import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateConsole } from './console-dir';

describe('locateConsole', () => {
  let built: string;
  let empty: string;

  beforeAll(async () => {
    built = await mkdtemp(join(tmpdir(), 'console-built-'));
    empty = await mkdtemp(join(tmpdir(), 'console-empty-'));
    await writeFile(join(built, 'index.html'), '<!doctype html>');
  });
  afterAll(async () => {
    await rm(built, { recursive: true, force: true });
    await rm(empty, { recursive: true, force: true });
  });

  it('takes HOOKRELAY_CONSOLE_DIR alone when set, if it holds index.html', () => {
    expect(locateConsole(built)).toEqual({ dir: built, candidates: [built] });
    expect(locateConsole(empty)).toEqual({ dir: undefined, candidates: [empty] });
  });

  it('otherwise looks for the console package’s dist, found from this app', () => {
    const { candidates } = locateConsole(undefined);
    expect(candidates).toContain(resolve(__dirname, '../../../../console/dist'));
    expect(candidates.every((c) => c.endsWith(join('console', 'dist')))).toBe(true);
  });
});
