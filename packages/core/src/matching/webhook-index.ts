import type { ElementChange, WebhookDefinition } from '../domain/webhook';

export type IndexableWebhook = Pick<WebhookDefinition, 'accountId' | 'element' | 'trigger' | 'status'>;

function bucketKey(w: Pick<ElementChange, 'accountId' | 'element' | 'trigger'>): string {
  return `${w.accountId}\u0000${w.element}\u0000${w.trigger}`;
}

/** A webhook's identity: its id when it has one (so an updated copy replaces the old), else the object. */
function identity(w: IndexableWebhook): unknown {
  const id = (w as { id?: unknown }).id;
  return id ?? w;
}

/**
 * Webhooks indexed by account + element + trigger: matching one change reads one bucket, so its cost
 * follows the number of webhooks that can fire, not the number of webhooks stored.
 */
export class WebhookIndex<W extends IndexableWebhook> {
  private readonly buckets = new Map<string, Map<unknown, W>>();
  private readonly bucketOf = new Map<unknown, string>();

  constructor(webhooks: Iterable<W> = []) {
    for (const webhook of webhooks) this.add(webhook);
  }

  /** Adds a webhook, or replaces the one with the same id (wherever its old element/trigger put it). */
  add(webhook: W): void {
    this.remove(webhook);
    const key = bucketKey(webhook);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new Map();
      this.buckets.set(key, bucket);
    }
    const id = identity(webhook);
    bucket.set(id, webhook);
    this.bucketOf.set(id, key);
  }

  remove(webhook: W): void {
    const id = identity(webhook);
    const key = this.bucketOf.get(id);
    if (key === undefined) return;
    const bucket = this.buckets.get(key);
    bucket?.delete(id);
    if (bucket?.size === 0) this.buckets.delete(key);
    this.bucketOf.delete(id);
  }

  get size(): number {
    return this.bucketOf.size;
  }

  /** The active webhooks that fire for this change. */
  match(change: Pick<ElementChange, 'accountId' | 'element' | 'trigger'>): W[] {
    const bucket = this.buckets.get(bucketKey(change));
    if (!bucket) return [];
    const matches: W[] = [];
    for (const webhook of bucket.values()) if (webhook.status === 'active') matches.push(webhook);
    return matches;
  }
}
