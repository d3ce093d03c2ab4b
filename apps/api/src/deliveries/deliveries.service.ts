import { Injectable } from '@nestjs/common';
import { DeliveryAttemptEntity, DeliveryEntity, ElementSnapshotEntity, WebhookEntity } from '@hookrelay/db';
import { DataSource, EntityManager } from 'typeorm';
import { Page, paginate, toPage } from '../common/pagination';
import { conflict, notFound, validationFailed } from '../common/problem';
import { wakeRelays } from '../outbox/outbox.repository';
import { ListDeliveriesQuery, REPLAYABLE_STATUSES, ReplayDto } from './delivery.dto';
import {
  DeliveryDetailResponse,
  DeliveryResponse,
  toAttemptResponse,
  toDeliveryResponse,
  toSnapshotResponse,
} from './delivery.presenter';

/** A replay is bounded so one request cannot queue an unbounded amount of work. */
export const MAX_REPLAY = 10_000;

@Injectable()
export class DeliveriesService {
  constructor(private readonly dataSource: DataSource) {}

  async listForWebhook(accountId: string, webhookId: string, query: ListDeliveriesQuery): Promise<Page<DeliveryResponse>> {
    await this.assertWebhook(this.dataSource.manager, accountId, webhookId);
    const builder = this.dataSource
      .getRepository(DeliveryEntity)
      .createQueryBuilder('d')
      .where('d.account_id = :accountId AND d.webhook_id = :webhookId', { accountId, webhookId });
    if (query.status) builder.andWhere('d.status = :status', { status: query.status });
    return toPage(await paginate(builder, query), toDeliveryResponse);
  }

  async get(accountId: string, id: string): Promise<DeliveryDetailResponse> {
    const delivery = await this.dataSource.getRepository(DeliveryEntity).findOne({ where: { id, accountId } });
    if (!delivery) throw notFound('delivery');
    const [attempts, snapshot] = await Promise.all([
      this.dataSource
        .getRepository(DeliveryAttemptEntity)
        .find({ where: { deliveryId: id, accountId }, order: { attempt: 'ASC', createdAt: 'ASC' } }),
      this.dataSource.getRepository(ElementSnapshotEntity).findOne({ where: { id: delivery.snapshotId, accountId } }),
    ]);
    return {
      ...toDeliveryResponse(delivery),
      snapshot: snapshot ? toSnapshotResponse(snapshot) : null,
      attempts_log: attempts.map(toAttemptResponse),
    };
  }

  /**
   * Makes one delivery due now, whatever its state (a dead or cancelled one comes back to pending). The
   * attempt count is kept, so the history stays truthful; the lease, if any, is left to its holder.
   */
  async retry(accountId: string, id: string): Promise<DeliveryResponse> {
    return this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(DeliveryEntity)
        .set({ status: 'pending', nextAttemptAt: () => 'now()', completedAt: null })
        .where('id = :id AND account_id = :accountId', { id, accountId })
        .execute();
      if (!result.affected) throw notFound('delivery');
      await wakeRelays(manager);
      const delivery = await manager.getRepository(DeliveryEntity).findOneOrFail({ where: { id, accountId } });
      return toDeliveryResponse(delivery);
    });
  }

  /** Pending → cancelled; anything else is a 409 (it was sent, is dead, or already cancelled). */
  async cancel(accountId: string, id: string): Promise<DeliveryResponse> {
    return this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(DeliveryEntity)
        .set({ status: 'cancelled', completedAt: () => 'now()', lockedBy: null, lockedUntil: null })
        .where(`id = :id AND account_id = :accountId AND status = 'pending'`, { id, accountId })
        .execute();
      const delivery = await manager.getRepository(DeliveryEntity).findOne({ where: { id, accountId } });
      if (!delivery) throw notFound('delivery');
      if (!result.affected) throw conflict(`Only a pending delivery can be cancelled (this one is ${delivery.status})`);
      return toDeliveryResponse(delivery);
    });
  }

  /**
   * Replays a time range as NEW deliveries of the same snapshots: new ids, so receivers that
   * de-duplicate on webhook-id accept them, and the original history stays as it was.
   */
  async replay(accountId: string, webhookId: string, dto: ReplayDto): Promise<{ replayed: number; delivery_ids: string[] }> {
    const since = new Date(dto.since);
    const until = dto.until ? new Date(dto.until) : new Date();
    if (since >= until) throw validationFailed([{ field: 'until', message: 'must be after since' }]);
    const statuses = dto.status ?? REPLAYABLE_STATUSES.filter((s) => s !== 'cancelled');
    return this.dataSource.transaction(async (manager) => {
      await this.assertWebhook(manager, accountId, webhookId);
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO deliveries (account_id, webhook_id, snapshot_id)
         SELECT account_id, webhook_id, snapshot_id FROM (
           SELECT account_id, webhook_id, snapshot_id, created_at, id
             FROM deliveries
            WHERE account_id = $1 AND webhook_id = $2 AND created_at >= $3 AND created_at < $4
              AND status = ANY($5::text[])
            ORDER BY created_at, id
            LIMIT $6
         ) AS chosen
         ORDER BY created_at, id
         RETURNING id`,
        [accountId, webhookId, since, until, statuses, MAX_REPLAY],
      );
      return { replayed: rows.length, delivery_ids: rows.map((r) => r.id) };
    });
  }

  private async assertWebhook(manager: EntityManager, accountId: string, webhookId: string): Promise<void> {
    const exists = await manager.getRepository(WebhookEntity).exists({ where: { id: webhookId, accountId } });
    if (!exists) throw notFound('webhook');
  }
}
