/**
 * The relay as dist/main.js runs it, but sending with axios' default http adapter
 * (axios-default-sender.ts): the bench's `relay-axios` row. Same environment as the relay; SIGTERM or
 * SIGINT stops it gracefully. Run with `node --import tsx`.
 */
import { loadConfig } from '../src/config';
import { MAX_LOGGED_RESPONSE_BYTES } from '../src/delivery/attempt-log';
import { startRelayService } from '../src/service';
import { createAxiosDefaultSender } from './axios-default-sender';

async function main(): Promise<void> {
  const config = loadConfig();
  const sender = createAxiosDefaultSender({
    connectionsPerOrigin: config.concurrency,
    guardPrivateTargets: !config.allowPrivateTargets,
    maxResponseBytes: MAX_LOGGED_RESPONSE_BYTES,
  });
  const service = await startRelayService(config, { sender });
  const stop = () => {
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
