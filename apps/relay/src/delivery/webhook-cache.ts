import { type ClaimedJob } from '../outbox/types';
import { type WebhookRow } from '../outbox/outbox-store';
import { UnloadedPluginError, type DeliverableWebhook } from './deliverable-webhook';

/** `permanent`: no later attempt can succeed with this webhook as it is (its plugin is not loaded). */
export type WebhookLookup =
  { ok: true; webhook: DeliverableWebhook } | { ok: false; reason: string; permanent: boolean };

/**
 * Webhooks by id, valid while their updated_at matches the one the claim returned; misses of a batch are
 * loaded with one query.
 */
export class WebhookCache {
  private readonly entries = new Map<string, { version: string; lookup: WebhookLookup }>();

  constructor(
    private readonly options: {
      load: (ids: string[]) => Promise<WebhookRow[]>;
      prepare: (row: WebhookRow) => DeliverableWebhook;
      maxEntries?: number;
    },
  ) {}

  async forJobs(jobs: readonly ClaimedJob[]): Promise<Map<string, WebhookLookup>> {
    const result = new Map<string, WebhookLookup>();
    const missing = new Set<string>();
    for (const job of jobs) {
      const entry = this.entries.get(job.webhookId);
      if (entry && entry.version === job.webhookVersion) result.set(job.webhookId, entry.lookup);
      else missing.add(job.webhookId);
    }
    if (missing.size === 0) return result;
    const rows = await this.options.load([...missing]);
    if (this.entries.size + rows.length > (this.options.maxEntries ?? 10_000)) this.entries.clear();
    for (const row of rows) {
      let lookup: WebhookLookup;
      try {
        lookup = { ok: true, webhook: this.options.prepare(row) };
      } catch (error) {
        lookup =
          error instanceof UnloadedPluginError
            ? { ok: false, reason: error.message, permanent: true }
            : {
                ok: false,
                reason: `webhook cannot be prepared: ${(error as Error).message}`,
                permanent: false,
              };
      }
      this.entries.set(row.id, { version: row.version, lookup });
      result.set(row.id, lookup);
    }
    return result;
  }
}
