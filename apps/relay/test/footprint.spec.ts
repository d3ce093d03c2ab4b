import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVICE_JS = path.join(__dirname, '..', 'dist', 'service.js');

describe("the relay process's footprint", () => {
  it('leaves TypeORM out: migrations run in a child process, and nothing else needs it', () => {
    // the @hookrelay/db index loads TypeORM and every entity: 25 MB of RSS against a 200 MB budget
    const loaded = execFileSync(
      process.execPath,
      [
        '-e',
        `require(${JSON.stringify(SERVICE_JS)});
         process.stdout.write(JSON.stringify(Object.keys(require.cache)))`,
      ],
      { encoding: 'utf8' },
    );
    const modules = JSON.parse(loaded) as string[];
    expect(modules.length).toBeGreaterThan(50);
    expect(modules.filter((m) => m.includes(`${path.sep}typeorm${path.sep}`))).toEqual([]);
  });
});
