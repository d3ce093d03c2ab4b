import { afterAll, beforeAll } from 'vitest';
import { type ApiConfig } from '../../src/config';
import { startTestApp, type Caller, type TestApp } from './test-app';

/**
 * One app for the enclosing describe block: started in beforeAll, with an account and its caller for
 * each name in `callers`, and closed in afterAll.
 *
 *   const { app, alice, bob } = useTestApp({ config: { allowPrivateTargets: true }, callers: ['alice', 'bob'] });
 *
 * The app and callers returned stand in for the real ones, which exist only once beforeAll has run: so
 * they can be named here, at collection time, and used in tests and in later beforeAll hooks.
 */
export function useTestApp<const Name extends string = never>(
  options: { config?: Partial<ApiConfig>; callers?: readonly Name[] } = {},
): { app: TestApp } & Record<Name, Caller> {
  let app: TestApp | undefined;
  const callers = new Map<string, Caller>();
  beforeAll(async () => {
    app = await startTestApp(options.config);
    for (const name of options.callers ?? []) callers.set(name, await app.createCaller(name));
  });
  afterAll(() => app?.close());

  const standIns: Record<string, unknown> = { app: late('the test app', () => app) };
  for (const name of options.callers ?? []) standIns[name] = late(name, () => callers.get(name));
  return standIns as { app: TestApp } & Record<Name, Caller>;
}

/** Forwards every property read to `current()`, and says so plainly when it is read too early. */
function late<T extends object>(name: string, current: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_, property) {
      const target = current();
      if (!target) throw new Error(`${name} is used before its beforeAll has run`);
      return Reflect.get(target, property, target);
    },
  });
}
