import type { LocalSecrets } from './local-secrets';

export interface BannerFacts {
  apiUrl: string;
  relayUrl: string;
  database: string[];
  secrets: LocalSecrets;
  demoKeyFromEnv: boolean;
  allowPrivateTargets: boolean;
  startupMs: number;
}

/** What a newcomer needs to try the quickstart, printed once everything answers /health. */
export function formatBanner(facts: BannerFacts): string {
  const lines = [
    '',
    `hookrelay is running (started in ${(facts.startupMs / 1000).toFixed(1)} s)`,
    '',
    `  console        ${facts.apiUrl}/   (sign in with the demo API key)`,
    `  API            ${facts.apiUrl}`,
    `  API docs       ${facts.apiUrl}/docs`,
    `  metrics        ${facts.apiUrl}/metrics (API)   ${facts.relayUrl}/metrics (relay)`,
    `  health         ${facts.apiUrl}/health (API)    ${facts.relayUrl}/health (relay)`,
    ...facts.database.map((line, index) => `  ${index === 0 ? 'database' : ''}`.padEnd(17) + line),
    `  demo API key   ${facts.secrets.demoApiKey}${facts.demoKeyFromEnv ? ' (from HOOKRELAY_BOOTSTRAP_API_KEY)' : ''}`,
    '',
  ];
  if (facts.allowPrivateTargets) {
    lines.push(
      '  Local development: HOOKRELAY_ALLOW_PRIVATE_TARGETS=true, so webhooks may call 127.0.0.1 and private',
      '  networks (your local receiver). Never set it in production.',
      '',
    );
  }
  lines.push(
    `  Open ${facts.apiUrl}/ and sign in with the demo API key, or from a terminal:`,
    '  Try it:  export KEY=' + facts.secrets.demoApiKey,
    '           npm run receiver -- --port 4000     (in another terminal), then the README quickstart',
    '',
    '  Ctrl-C stops the relay, the API and the database.',
    '',
  );
  return lines.join('\n');
}
