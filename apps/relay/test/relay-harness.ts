import { loadConfig } from '../src/config';
import { startRelayService, type RelayService } from '../src/service';
import { type OutboxFixture } from './fixtures';
import pino from 'pino';

/** Starts an in-process relay on the fixture's schema; env overrides as strings, like the real process. */
export async function startTestRelay(
  fixture: OutboxFixture,
  env: Record<string, string> = {},
): Promise<RelayService> {
  const config = loadConfig({
    DATABASE_URL: fixture.url,
    HOOKRELAY_ENCRYPTION_KEY: fixture.encryptionKey,
    RELAY_PORT: '0',
    HOOKRELAY_ALLOW_PRIVATE_TARGETS: 'true',
    HOOKRELAY_RETRY_SCHEDULE: '0,100ms,100ms',
    HOOKRELAY_RELAY_POLL_INTERVAL: '100ms',
    HOOKRELAY_RELAY_TIMEOUT: '2s',
    HOOKRELAY_RELAY_LEASE: '10s',
    ...env,
  });
  return startRelayService(config, {
    logger: pino({ level: process.env.RELAY_TEST_LOG ?? 'silent' }),
    migrate: false,
  });
}
