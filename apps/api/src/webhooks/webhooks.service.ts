import { Injectable } from '@nestjs/common';
import { generateSigningSecret } from '@hookrelay/core';
import { WebhookEntity } from '@hookrelay/db';
import { DataSource, EntityManager } from 'typeorm';
import { Page, PageQuery, paginate, toPage } from '../common/pagination';
import { conflict, notFound, validationFailed } from '../common/problem';
import { DestinationsRepository, type DestinationState } from '../destinations/destinations.repository';
import { deleteScoped } from '../elements/element-queries';
import { releaseOrderingKeys } from '../outbox/ordering';
import { wakeRelays } from '../outbox/outbox.repository';
import { TargetsService } from '../targets/targets.service';
import { draftForCreate, draftForUpdate } from './draft-from-dto';
import { UrlSafetyChecker } from './url-safety';
import { WebhookDraft, toWebhookColumns } from './webhook-draft';
import { draftErrors } from './webhook-draft-errors';
import { CreateWebhookDto, UpdateWebhookDto } from './webhook.dto';
import { WebhookResponse, toWebhookResponse } from './webhook.presenter';
import { findWebhook, settingsSchemaOf } from './webhook-queries';
import { WebhookSecrets } from './webhook-secrets';

/** How long a secret replaced by a rotation keeps signing (DESIGN §4). */
const RETIRED_SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

@Injectable()
export class WebhooksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: WebhookSecrets,
    private readonly urlSafety: UrlSafetyChecker,
    private readonly targets: TargetsService,
    private readonly destinations: DestinationsRepository,
  ) {}

  async create(accountId: string, dto: CreateWebhookDto): Promise<WebhookResponse> {
    const draft = draftForCreate(dto, { targets: this.targets, secrets: this.secrets });
    // The SSRF check may wait seconds for DNS: done before the transaction.
    const { origin } = await this.validate(draft);
    const signingSecret = generateSigningSecret();
    return this.dataSource.transaction(async (manager) => {
      const destination = await this.destinations.upsert(manager, { accountId, origin });
      const repository = manager.getRepository(WebhookEntity);
      const saved = await repository.save(
        repository.create({
          accountId,
          ...toWebhookColumns(draft, { destinationId: destination.id, secrets: this.secrets }),
          signingSecret: this.secrets.seal(signingSecret),
        }),
      );
      return { ...this.present(saved, destination), signing_secret: signingSecret };
    });
  }

  async update(accountId: string, id: string, dto: UpdateWebhookDto): Promise<WebhookResponse> {
    const { webhook, version } = await this.findWithVersion(accountId, id);
    const draft = draftForUpdate(webhook, dto, { targets: this.targets, secrets: this.secrets });
    // The SSRF check may wait seconds for DNS: done before the transaction, so no row lock waits on it.
    const { origin } = await this.validate(draft);
    return this.dataSource.transaction(async (manager) => {
      const locked: { version: string }[] = await manager.query(
        'SELECT updated_at::text AS version FROM webhooks WHERE id = $1 AND account_id = $2 FOR UPDATE',
        [id, accountId],
      );
      if (!locked[0]) throw notFound('webhook');
      if (locked[0].version !== version) {
        throw conflict(
          'The webhook was changed by another request while this one was being checked: load it again and retry',
        );
      }
      const reenabled = webhook.status !== 'active' && draft.status === 'active';
      const destination = await this.destinations.upsert(manager, { accountId, origin });
      Object.assign(
        webhook,
        toWebhookColumns(draft, { destinationId: destination.id, secrets: this.secrets }),
      );
      if (draft.status === 'active') webhook.disabledReason = null;
      const saved = await manager.getRepository(WebhookEntity).save(webhook);
      // Jobs that waited while the webhook was disabled are due now.
      if (reenabled) await wakeRelays(manager);
      return this.present(saved, destination);
    });
  }

  /** Its deliveries go with it; under per-element ordering, the elements' next deliveries may go now. */
  async remove(accountId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // waits for transactions inserting jobs for it (they hold KEY SHARE), so their keys are seen below
      await manager.query(`SELECT 1 FROM webhooks WHERE id = $1 AND account_id = $2 FOR UPDATE`, [
        id,
        accountId,
      ]);
      const pending: { ordering_key: string }[] = await manager.query(
        `SELECT DISTINCT ordering_key FROM deliveries
          WHERE account_id = $1 AND webhook_id = $2 AND status = 'pending' AND ordering_key IS NOT NULL`,
        [accountId, id],
      );
      await deleteScoped(manager, WebhookEntity, { id, accountId }, 'webhook');
      await releaseOrderingKeys(
        manager,
        pending.map((row) => row.ordering_key),
      );
    });
  }

  async get(accountId: string, id: string): Promise<WebhookResponse> {
    const manager = this.dataSource.manager;
    const webhook = await findWebhook(manager, accountId, id);
    const destinationOf = await this.destinationsOf(manager, accountId, [webhook]);
    return this.present(webhook, destinationOf(webhook));
  }

  async list(accountId: string, page: PageQuery): Promise<Page<WebhookResponse>> {
    const manager = this.dataSource.manager;
    const query = manager
      .getRepository(WebhookEntity)
      .createQueryBuilder('w')
      .where('w.account_id = :accountId', { accountId });
    const result = await paginate(query, page);
    const destinationOf = await this.destinationsOf(manager, accountId, result.items);
    return toPage(result, (w) => this.present(w, destinationOf(w)));
  }

  /**
   * New secret shown once; the replaced one keeps signing for 24 h so receivers can switch without loss,
   * beside any other replaced in the last 24 h (several rotations in a day lose none of them).
   */
  async rotateSecret(accountId: string, id: string): Promise<WebhookResponse> {
    return this.dataSource.transaction(async (manager) => {
      const webhook = await manager
        .getRepository(WebhookEntity)
        .createQueryBuilder('w')
        .addSelect('w.signingSecret')
        .where('w.id = :id AND w.account_id = :accountId', { id, accountId })
        .setLock('pessimistic_write')
        .getOne();
      if (!webhook) throw notFound('webhook');
      const signingSecret = generateSigningSecret();
      const now = Date.now();
      webhook.retiredSigningSecrets = [
        ...webhook.retiredSigningSecrets.filter((retired) => Date.parse(retired.expires_at) > now),
        { secret: webhook.signingSecret, expires_at: new Date(now + RETIRED_SECRET_GRACE_MS).toISOString() },
      ];
      webhook.signingSecret = this.secrets.seal(signingSecret);
      const saved = await manager.getRepository(WebhookEntity).save(webhook);
      const destinationOf = await this.destinationsOf(manager, accountId, [saved]);
      return { ...this.present(saved, destinationOf(saved)), signing_secret: signingSecret };
    });
  }

  /** The webhook and its row version (updated_at at full precision, which a Date would cut to ms). */
  private async findWithVersion(
    accountId: string,
    id: string,
  ): Promise<{ webhook: WebhookEntity; version: string }> {
    const { entities, raw } = await this.dataSource
      .getRepository(WebhookEntity)
      .createQueryBuilder('w')
      .addSelect('w.updated_at::text', 'row_version')
      .where('w.id = :id AND w.account_id = :accountId', { id, accountId })
      .getRawAndEntities<{ row_version: string }>();
    const webhook = entities[0];
    const version = raw[0]?.row_version;
    if (!webhook || version === undefined) throw notFound('webhook');
    return { webhook, version };
  }

  /**
   * Templates through core, the retry schedule, then the SSRF check of the URL: all as 400 with fields.
   * Answers the origin the URL sends to, the webhook's destination.
   */
  private async validate(draft: WebhookDraft): Promise<{ origin: string }> {
    const errors = draftErrors(draft);
    // Left unset only when the URL already has an error.
    let origin: string | undefined;
    if (!errors.some((e) => e.field === 'url')) {
      const checked = await this.urlSafety.check({
        element: draft.element,
        trigger: draft.trigger,
        url: draft.url,
        settings: draft.target?.settings ?? {},
      });
      if (checked.ok) origin = checked.origin;
      else errors.push(...checked.errors);
    }
    if (errors.length > 0 || origin === undefined) throw validationFailed(errors);
    return { origin };
  }

  private present(webhook: WebhookEntity, destination: DestinationState | null): WebhookResponse {
    return toWebhookResponse(webhook, {
      secrets: this.secrets,
      settingsSchema: settingsSchemaOf(this.targets, webhook.targetKind),
      destination,
      now: new Date(),
    });
  }

  /** The destinations of these webhooks, read in one query. */
  private async destinationsOf(
    manager: EntityManager,
    accountId: string,
    webhooks: WebhookEntity[],
  ): Promise<(webhook: WebhookEntity) => DestinationState | null> {
    const ids = webhooks.map((w) => w.destinationId);
    const found = await this.destinations.findByIds(manager, accountId, ids);
    return (webhook) => (webhook.destinationId === null ? null : (found.get(webhook.destinationId) ?? null));
  }
}
