import pino, { type Logger } from 'pino';

/** JSON logs. Nothing secret is ever passed to the logger; the redaction is a second line of defence. */
export function createLogger(level: string): Logger {
  return pino({
    name: 'hookrelay-relay',
    level,
    redact: {
      paths: ['*.headers', '*.signing_secret', '*.secret', '*.password', '*.encryptionKey', '*.databaseUrl'],
      censor: '[redacted]',
    },
  });
}
