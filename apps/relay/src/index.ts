export { loadConfig, ConfigError, type RelayConfig } from './config';
export { startRelayService, type RelayService } from './service';
export { createUndiciAdapter } from './http/undici-adapter';
