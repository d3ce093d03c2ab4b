import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runMigrations } from '@hookrelay/db';
import { isPortFree } from '@hookrelay/db/embedded';
import { formatBanner } from './banner';
import { createLogLineFormatter } from './log-line';
import { openDatabase } from './database';
import { acquireLauncherLock } from './launcher-state';
import { readOrCreateLocalSecrets } from './local-secrets';
import { dataDirectory, repositoryRoot } from './paths';
import { startServiceProcess, type ServiceProcess } from './service-process';
import { ShutdownStack } from './shutdown-stack';
import { waitForHealth } from './wait-for-health';

/** How long a service may take to finish in-flight work after SIGTERM before it is killed. */
const STOP_GRACE_MS = 15_000;
const HEALTH_TIMEOUT_MS = 60_000;

const log = (line: string) => console.log(`launcher | ${line}`);
const shutdown = new ShutdownStack(log);
const services: ServiceProcess[] = [];

class StartError extends Error {}

/** `npm start`: database (embedded unless DATABASE_URL is set), migrations, then the API and the relay. */
async function main(): Promise<void> {
  const startedAt = Date.now();
  const envFile = join(repositoryRoot, '.env');
  if (existsSync(envFile)) {
    process.loadEnvFile(envFile); // variables already set in the environment win
    log(`read settings from ${envFile}`);
  }
  const dataDir = dataDirectory();
  await mkdir(dataDir, { recursive: true });
  const lock = await acquireLauncherLock(dataDir, log);
  releaseLock = () => lock.release();

  const apiPort = portFromEnv('PORT', 3000);
  const relayPort = portFromEnv('RELAY_PORT', 3001);
  for (const [name, port] of [
    ['PORT', apiPort],
    ['RELAY_PORT', relayPort],
  ] as const) {
    if (!(await isPortFree(port)))
      throw new StartError(`port ${port} is in use: stop what uses it, or set ${name}=<another port>.`);
  }
  const scripts = { api: serviceScript('api'), relay: serviceScript('relay') };

  const secrets = await readOrCreateLocalSecrets(dataDir);
  const encryptionKey = process.env.HOOKRELAY_ENCRYPTION_KEY || secrets.encryptionKey;
  const demoApiKey = process.env.HOOKRELAY_BOOTSTRAP_API_KEY || secrets.demoApiKey;
  // Local development defaults to allowing private targets, so a receiver on 127.0.0.1 works.
  const allowPrivateTargets = ['true', '1'].includes(process.env.HOOKRELAY_ALLOW_PRIVATE_TARGETS || 'true');

  const database = await openDatabase(dataDir, log);
  await shutdown.add('database', () => database.stop());
  if (shutdown.isStopping) return;

  const applied = await runMigrations(database.url);
  log(applied.length === 0 ? 'schema is up to date' : `migrations applied: ${applied.join(', ')}`);
  if (shutdown.isStopping) return;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    PORT: String(apiPort),
    RELAY_PORT: String(relayPort),
    HOOKRELAY_ENCRYPTION_KEY: encryptionKey,
    HOOKRELAY_BOOTSTRAP_API_KEY: demoApiKey,
    HOOKRELAY_ALLOW_PRIVATE_TARGETS: String(allowPrivateTargets),
  };
  // JSON for whatever reads a pipe or a file; a person at a terminal gets one readable line per event
  const formatLine = process.stdout.isTTY ? createLogLineFormatter() : undefined;
  // Started API first, so the stack stops the relay first: nothing is left mid-delivery when the API goes.
  for (const name of ['api', 'relay'] as const) {
    const service = startServiceProcess({
      name,
      script: scripts[name],
      env,
      prefixWidth: 8,
      ...(formatLine ? { formatLine } : {}),
    });
    services.push(service);
    await shutdown.add(name, () => service.stop(STOP_GRACE_MS));
  }
  await lock.recordServices(Object.fromEntries(services.map((s) => [s.name, s.pid])));
  const firstExit = Promise.race(services.map((s) => s.exited.then((code) => ({ service: s, code }))));
  void firstExit.then(({ service, code }) => {
    if (shutdown.isStopping) return;
    console.error(`launcher | the ${service.name} exited unexpectedly (code ${code}): stopping the rest.`);
    void stopAndExit(1);
  });

  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const relayUrl = `http://127.0.0.1:${relayPort}`;
  await Promise.all([
    waitForHealth({ url: `${apiUrl}/health`, timeoutMs: HEALTH_TIMEOUT_MS, abandon: firstExit }),
    waitForHealth({ url: `${relayUrl}/health`, timeoutMs: HEALTH_TIMEOUT_MS, abandon: firstExit }),
  ]);
  if (shutdown.isStopping) return;
  console.log(
    formatBanner({
      apiUrl,
      relayUrl,
      database: database.description,
      secrets: { encryptionKey, demoApiKey },
      demoKeyFromEnv: Boolean(process.env.HOOKRELAY_BOOTSTRAP_API_KEY),
      allowPrivateTargets,
      startupMs: Date.now() - startedAt,
    }),
  );
}

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new StartError(`${name}: must be a port number (got "${raw}").`);
  return port;
}

function serviceScript(name: 'api' | 'relay'): string {
  const script = join(repositoryRoot, 'apps', name, 'dist', 'main.js');
  if (!existsSync(script))
    throw new StartError(`${script} is missing: build first (npm start does: turbo run build).`);
  return script;
}

let exiting = false;
let releaseLock: () => Promise<void> = async () => undefined;
async function stopAndExit(code: number): Promise<void> {
  if (exiting) return;
  exiting = true;
  await shutdown.stopAll();
  await releaseLock();
  log('stopped');
  process.exit(code);
}

let signals = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    signals += 1;
    if (signals > 1) {
      log(`${signal} again: killing the services and leaving now (the next start takes over the database).`);
      for (const service of services) service.kill();
      process.exit(130);
    }
    log(`${signal}: stopping the relay, the API and the database (again to leave at once)`);
    void stopAndExit(0);
  });
}

main().catch((error: unknown) => {
  if (exiting) return; // a service crashed during start: that was already reported
  console.error(`launcher | cannot start: ${error instanceof Error ? error.message : String(error)}`);
  if (!(error instanceof StartError) && error instanceof Error && error.stack) console.error(error.stack);
  void stopAndExit(1);
});
