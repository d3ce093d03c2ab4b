import { Client } from 'pg';
import { type Logger } from 'pino';

export const DELIVERIES_CHANNEL = 'hookrelay_deliveries';

/**
 * LISTENs on a dedicated connection and calls `onNotify` when jobs are committed. Reconnects after errors
 * (polling covers the gap, and a reconnect also calls onNotify so nothing committed meanwhile waits).
 */
export class NotifyListener {
  private client: Client | undefined;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: {
      databaseUrl: string;
      /** Shown in pg_stat_activity, so operators (and tests) can find this connection. */
      applicationName: string;
      onNotify: () => void;
      logger: Logger;
      reconnectDelayMs?: number;
      /** DELIVERIES_CHANNEL unless a test says otherwise. */
      channel?: string;
    },
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect().catch((error: unknown) => this.scheduleReconnect(error));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.options.databaseUrl,
      application_name: this.options.applicationName.slice(0, 63),
      // a connection dropped silently (a NAT, a failover) otherwise looks alive for ever and misses NOTIFYs
      keepAlive: true,
    });
    client.on('notification', () => this.options.onNotify());
    client.on('error', (error) => {
      if (this.client !== client) return;
      this.client = undefined;
      client.end().catch(() => undefined);
      this.scheduleReconnect(error);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.options.channel ?? DELIVERIES_CHANNEL}`);
    } catch (error) {
      // the next try opens a new connection: this one must not stay open
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end();
      return;
    }
    this.client = client;
    this.options.onNotify();
  }

  private scheduleReconnect(error: unknown): void {
    if (this.stopped) return;
    this.options.logger.warn({ err: error }, 'LISTEN connection lost; reconnecting (polling continues)');
    this.retryTimer = setTimeout(() => {
      this.connect().catch((e: unknown) => this.scheduleReconnect(e));
    }, this.options.reconnectDelayMs ?? 1000);
    this.retryTimer.unref();
  }
}
