import { Injectable } from '@nestjs/common';
import type { DeliveryStatus } from '@hookrelay/core';
import { DataSource } from 'typeorm';
import type { WebhookStatsResponse } from './webhook-stats.response';

interface StatsRow {
  webhook_id: string;
  last_id: string | null;
  last_status: DeliveryStatus | null;
  last_at: Date | null;
  total: number;
  delivered: number;
  dead: number;
}

/**
 * One statement for a whole page of webhooks. Both lateral reads go through deliveries_webhook_idx
 * (account_id, webhook_id, created_at, id): the newest delivery is its first entry backwards, the last
 * 24 h a range of it. The cost follows the page's deliveries of the last day, not the outbox's size.
 */
const STATS_SQL = `
  SELECT w.id AS webhook_id,
         last.id AS last_id, last.status AS last_status, last.at AS last_at,
         recent.total, recent.delivered, recent.dead
    FROM unnest($2::uuid[]) AS w(id)
    LEFT JOIN LATERAL (
      SELECT d.id, d.status, coalesce(d.completed_at, d.created_at) AS at
        FROM deliveries d
       WHERE d.account_id = $1 AND d.webhook_id = w.id
       ORDER BY d.created_at DESC, d.id DESC
       LIMIT 1
    ) last ON true
   CROSS JOIN LATERAL (
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE d.status = 'delivered')::int AS delivered,
             count(*) FILTER (WHERE d.status = 'dead')::int AS dead
        FROM deliveries d
       WHERE d.account_id = $1 AND d.webhook_id = w.id AND d.created_at > now() - interval '24 hours'
    ) recent`;

@Injectable()
export class WebhookStatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The stats of these webhooks of the account, by webhook id. */
  async statsOf(accountId: string, webhookIds: string[]): Promise<Map<string, WebhookStatsResponse>> {
    if (webhookIds.length === 0) return new Map();
    const rows: StatsRow[] = await this.dataSource.query(STATS_SQL, [accountId, webhookIds]);
    return new Map(rows.map((row) => [row.webhook_id, toStats(row)]));
  }
}

function toStats(row: StatsRow): WebhookStatsResponse {
  const finished = row.delivered + row.dead;
  return {
    last_delivery:
      row.last_id && row.last_status && row.last_at
        ? { id: row.last_id, status: row.last_status, at: row.last_at.toISOString() }
        : null,
    deliveries_24h: row.total,
    delivered_24h: row.delivered,
    dead_24h: row.dead,
    success_rate_24h: finished === 0 ? null : row.delivered / finished,
  };
}
