import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { startRelayService, type RelayService } from './service';

/**
 * `node apps/relay/dist/main.js`: needs DATABASE_URL and HOOKRELAY_ENCRYPTION_KEY. SIGTERM/SIGINT stop
 * gracefully; a second signal exits at once.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const running: { service?: RelayService } = {};
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    const service = running.service;
    if (signals > 1 || !service) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(130);
    }
    logger.info({ signal }, 'stopping: no new claims, finishing in-flight deliveries');
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  running.service = await startRelayService(config, { logger });
}

main().catch((error: unknown) => {
  console.error('Relay failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
