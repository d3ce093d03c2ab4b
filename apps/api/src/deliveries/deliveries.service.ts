import { Injectable } from '@nestjs/common';
import { ELEMENT_TYPES } from '@hookrelay/core';
import { DeliveryAttemptEntity, DeliveryEntity, ElementSnapshotEntity, WebhookEntity } from '@hookrelay/db';
import { DataSource, EntityManager } from 'typeorm';
import { Page, decodeCursor, encodeCursor, paginate, toPage } from '../common/pagination';
import { conflict, notFound, validationFailed } from '../common/problem';
import { wakeRelays } from '../outbox/outbox.repository';
import { cancelPendingInBatches } from './bulk-cancel';
import { releaseOrderingKeys } from '../outbox/ordering';
import { replayDeliveries } from './replay-deliveries';
import { findDelivery, selectDeliveries, type DeliveryWithChange } from './delivery-queries';
import { waitingFor } from './waiting-for';
import {
  BulkCancelDto,
  ListAccountDeliveriesQuery,
  ListDeliveriesQuery,
  REPLAYABLE_STATUSES,
  ReplayDto,
} from './delivery.dto';
import {
  DeliveryDetailResponse,
  DeliveryResponse,
  toAttemptResponse,
  toDeliveryResponse,
  toSnapshotResponse,
} from './delivery.presenter';
import { BulkCancelResponse, ReplayResponse } from './delivery.response';

/** A replay is bounded so one request cannot queue an unbounded amount of work. */
export const MAX_REPLAY = 10_000;

@Injectable()
export class DeliveriesService {
  constructor(private readonly dataSource: DataSource) {}

  async listForWebhook(
    accountId: string,
    webhookId: string,
    query: ListDeliveriesQuery,
  ): Promise<Page<DeliveryResponse>> {
    await this.assertWebhook(this.dataSource.manager, accountId, webhookId);
    const builder = selectDeliveries(this.dataSource.manager, accountId);
    builder.andWhere('d.webhook_id = :webhookId', { webhookId });
    if (query.status) builder.andWhere('d.status = :status', { status: query.status });
    return this.present(await paginate(builder, query));
  }

  /** The account's deliveries across webhooks, newest first; every filter given must hold. */
  async listForAccount(
    accountId: string,
    query: ListAccountDeliveriesQuery,
  ): Promise<Page<DeliveryResponse>> {
    assertRange(query.since, query.until);
    if (query.webhook_id) await this.assertWebhook(this.dataSource.manager, accountId, query.webhook_id);
    const builder = selectDeliveries(this.dataSource.manager, accountId);
    if (query.status) builder.andWhere('d.status = :status', { status: query.status });
    if (query.webhook_id) builder.andWhere('d.webhook_id = :webhookId', { webhookId: query.webhook_id });
    if (query.element_id) {
      // Every element type when none is given: the snapshots' index leads with (account_id, element), so
      // naming the types keeps this a few index probes instead of a walk over all the account's snapshots.
      const elements = query.element ? [query.element] : [...ELEMENT_TYPES];
      builder.andWhere('s.element IN (:...elements) AND s.element_id = :elementId', {
        elements,
        elementId: query.element_id,
      });
    } else if (query.element) {
      builder.andWhere('s.element = :element', { element: query.element });
    }
    if (query.since) builder.andWhere('d.created_at >= :since', { since: query.since });
    if (query.until) builder.andWhere('d.created_at < :until', { until: query.until });
    return this.present(await paginate(builder, query));
  }

  private async present(result: {
    items: DeliveryWithChange[];
    nextCursor: string | null;
  }): Promise<Page<DeliveryResponse>> {
    const waits = await waitingFor(this.dataSource.manager, result.items);
    return toPage(result, (d) => toDeliveryResponse(d, waits.get(d.id) ?? null));
  }

  private async presentOne(manager: EntityManager, delivery: DeliveryWithChange): Promise<DeliveryResponse> {
    const waits = await waitingFor(manager, [delivery]);
    return toDeliveryResponse(delivery, waits.get(delivery.id) ?? null);
  }

  /**
   * Cancels the account's pending deliveries (paused ones too) of one webhook or all, created in
   * [since, until); `until` defaults to the database's now, so jobs arriving meanwhile are left alone.
   */
  async cancelMany(accountId: string, dto: BulkCancelDto): Promise<BulkCancelResponse> {
    assertRange(dto.since, dto.until);
    if (dto.webhook_id) await this.assertWebhook(this.dataSource.manager, accountId, dto.webhook_id);
    const until = dto.until ?? (await this.databaseNow());
    const cancelled = await cancelPendingInBatches(this.dataSource, {
      accountId,
      webhookId: dto.webhook_id,
      since: dto.since,
      until,
    });
    return { cancelled };
  }

  async get(accountId: string, id: string): Promise<DeliveryDetailResponse> {
    const delivery = await findDelivery(this.dataSource.manager, accountId, id);
    if (!delivery) throw notFound('delivery');
    const [attempts, snapshot] = await Promise.all([
      this.dataSource
        .getRepository(DeliveryAttemptEntity)
        .find({ where: { deliveryId: id, accountId }, order: { attempt: 'ASC', createdAt: 'ASC' } }),
      this.dataSource
        .getRepository(ElementSnapshotEntity)
        .findOne({ where: { id: delivery.snapshotId, accountId } }),
    ]);
    return {
      ...(await this.presentOne(this.dataSource.manager, delivery)),
      snapshot: snapshot ? toSnapshotResponse(snapshot) : null,
      attempts_log: attempts.map(toAttemptResponse),
    };
  }

  /**
   * Makes one delivery due now, whatever its state (a dead or cancelled one comes back to pending, a
   * delivered one is sent again with the same webhook-id). The attempt count is kept, so the history stays
   * truthful. A delivery a relay holds the lease of right now is being attempted: 409, not a second send.
   */
  async retry(accountId: string, id: string): Promise<DeliveryResponse> {
    return this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(DeliveryEntity)
        .set({
          status: 'pending',
          nextAttemptAt: () => 'now()',
          completedAt: null,
          // under per-element ordering the claim still lets it go only after the element's earlier ones
          held: false,
          // due now, unless its webhook is disabled: then it waits, paused, like the webhook's other jobs
          paused: () => `(SELECT w.status <> 'active' FROM webhooks w WHERE w.id = deliveries.webhook_id)`,
        })
        .where('id = :id AND account_id = :accountId', { id, accountId })
        .andWhere(`NOT (status = 'pending' AND locked_until IS NOT NULL AND locked_until > now())`)
        .execute();
      const delivery = await findDelivery(manager, accountId, id);
      if (!delivery) throw notFound('delivery');
      if (!result.affected) {
        throw conflict(
          'A relay is attempting this delivery right now; its outcome shows in the delivery shortly',
        );
      }
      await wakeRelays(manager);
      return this.presentOne(manager, delivery);
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
        .returning('ordering_key')
        .execute();
      const delivery = await findDelivery(manager, accountId, id);
      if (!delivery) throw notFound('delivery');
      if (!result.affected)
        throw conflict(`Only a pending delivery can be cancelled (this one is ${delivery.status})`);
      // the element's next delivery may go now
      const keys = (result.raw as { ordering_key: string | null }[]).flatMap((r) =>
        r.ordering_key ? [r.ordering_key] : [],
      );
      await releaseOrderingKeys(manager, keys);
      return this.presentOne(manager, delivery);
    });
  }

  /**
   * Replays a time range as NEW deliveries of the same snapshots: new ids, so receivers that
   * de-duplicate on webhook-id accept them, and the original history stays as it was. At most MAX_REPLAY
   * per call, oldest first; when more match, the answer says `truncated` and carries `next_cursor`: the
   * same request with that cursor (and the answered `until`) continues after the last one replayed.
   */
  async replay(accountId: string, webhookId: string, dto: ReplayDto): Promise<ReplayResponse> {
    const since = new Date(dto.since);
    const until = dto.until ? new Date(dto.until) : new Date();
    if (since >= until) throw validationFailed([{ field: 'until', message: 'must be after since' }]);
    const after = dto.cursor === undefined ? undefined : decodeCursor(dto.cursor);
    const statuses = dto.status ?? REPLAYABLE_STATUSES.filter((s) => s !== 'cancelled');
    return this.dataSource.transaction(async (manager) => {
      await this.assertWebhook(manager, accountId, webhookId);
      // One more than the cap: whether it exists tells if the range was cut.
      const chosen: { id: string; position_at: string }[] = await manager.query(
        `SELECT id, created_at::text AS position_at
           FROM deliveries
          WHERE account_id = $1 AND webhook_id = $2 AND created_at >= $3 AND created_at < $4
            AND status = ANY($5::text[])
            AND ($7::timestamptz IS NULL OR (created_at, id) > ($7::timestamptz, $8::uuid))
          ORDER BY created_at, id
          LIMIT $6 + 1`,
        [
          accountId,
          webhookId,
          since,
          until,
          statuses,
          MAX_REPLAY,
          after?.createdAt ?? null,
          after?.id ?? null,
        ],
      );
      const replaying = chosen.slice(0, MAX_REPLAY);
      const rows = await replayDeliveries(
        manager,
        accountId,
        replaying.map((r) => r.id),
      );
      const last = replaying[replaying.length - 1];
      const truncated = chosen.length > MAX_REPLAY && last !== undefined;
      return {
        replayed: rows.length,
        delivery_ids: rows.map((r) => r.id),
        truncated,
        next_cursor: truncated ? encodeCursor({ createdAt: last.position_at, id: last.id }) : null,
        until: until.toISOString(),
      };
    });
  }

  private async databaseNow(): Promise<string> {
    const [row]: { now: string }[] = await this.dataSource.query(`SELECT now()::text AS now`);
    if (!row) throw new Error('the database did not tell its time');
    return row.now;
  }

  private async assertWebhook(manager: EntityManager, accountId: string, webhookId: string): Promise<void> {
    const exists = await manager.getRepository(WebhookEntity).exists({ where: { id: webhookId, accountId } });
    if (!exists) throw notFound('webhook');
  }
}

/** A range whose end is not after its start is a mistake, not an empty answer: 400 naming `until`. */
function assertRange(since: string | undefined, until: string | undefined): void {
  if (since !== undefined && until !== undefined && Date.parse(since) >= Date.parse(until)) {
    throw validationFailed([{ field: 'until', message: 'must be after since' }]);
  }
}
