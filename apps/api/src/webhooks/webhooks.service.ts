import { Injectable } from '@nestjs/common';
import {
  generateSigningSecret,
  parseRetrySchedule,
  validateFilter,
  validateWebhookTemplates,
} from '@hookrelay/core';
import type { FieldError } from '@hookrelay/core';
import { WebhookEntity } from '@hookrelay/db';
import { prepareTarget } from '@hookrelay/targets';
import type { Prefill } from '@hookrelay/targets';
import { DataSource, EntityManager } from 'typeorm';
import { Page, PageQuery, paginate, toPage } from '../common/pagination';
import { conflict, notFound, validationFailed } from '../common/problem';
import { DestinationsRepository, type DestinationState } from '../destinations/destinations.repository';
import { deleteScoped } from '../elements/element-queries';
import { releaseOrderingKeys } from '../outbox/ordering';
import { wakeRelays } from '../outbox/outbox.repository';
import { TargetsService } from '../targets/targets.service';
import { PrefilledFields, reprefill } from './target-reprefill';
import { UrlSafetyChecker } from './url-safety';
import { WebhookDraft } from './webhook-draft';
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
    const draft = this.draftForCreate(dto);
    // The SSRF check may wait seconds for DNS: done before the transaction.
    const { origin } = await this.validate(draft);
    const signingSecret = generateSigningSecret();
    return this.dataSource.transaction(async (manager) => {
      const destination = await this.destinations.upsert(manager, { accountId, origin });
      const repository = manager.getRepository(WebhookEntity);
      const saved = await repository.save(
        repository.create({
          accountId,
          ...this.toColumns(draft, destination.id),
          signingSecret: this.secrets.seal(signingSecret),
        }),
      );
      return { ...this.present(saved, destination), signing_secret: signingSecret };
    });
  }

  async update(accountId: string, id: string, dto: UpdateWebhookDto): Promise<WebhookResponse> {
    const { webhook, version } = await this.findWithVersion(accountId, id);
    const draft = this.draftForUpdate(webhook, dto);
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
      Object.assign(webhook, this.toColumns(draft, destination.id));
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

  private draftForCreate(dto: CreateWebhookDto): WebhookDraft {
    let target: WebhookDraft['target'] = null;
    let prefill;
    if (dto.target) {
      const prepared = prepareTarget({
        registry: this.targets.registry,
        kind: dto.target.kind,
        settings: dto.target.settings,
        element: dto.element,
        trigger: dto.trigger,
      });
      if (!prepared.ok) throw validationFailed(prepared.errors);
      target = { kind: prepared.plugin.kind, plugin: prepared.plugin, settings: prepared.settings };
      prefill = prepared.prefill;
    }
    const method = dto.method ?? prefill?.method;
    const url = dto.url ?? prefill?.url;
    const missing: FieldError[] = [];
    if (!method) missing.push({ field: 'method', message: 'is required (unless a target prefills it)' });
    if (url === undefined)
      missing.push({ field: 'url', message: 'is required (unless a target prefills it)' });
    if (!method || url === undefined) throw validationFailed(missing);
    return {
      name: dto.name,
      status: dto.status ?? 'active',
      trigger: dto.trigger,
      element: dto.element,
      method,
      url,
      headers: dto.headers ? this.secrets.resolveHeaders(dto.headers, []) : (prefill?.headers ?? []),
      body: dto.body ?? prefill?.body ?? [],
      includeElementData: dto.include_element_data ?? prefill?.includeElementData ?? true,
      target,
      retrySchedule: dto.retry_schedule ?? null,
      rateLimit: dto.rate_limit ?? null,
      filter: dto.filter ?? [],
      ordering: dto.ordering ?? 'none',
    };
  }

  private draftForUpdate(webhook: WebhookEntity, dto: UpdateWebhookDto): WebhookDraft {
    const element = dto.element ?? webhook.element;
    const trigger = dto.trigger ?? webhook.trigger;
    const storedSettings = webhook.targetSettings ?? {};
    const stored: PrefilledFields = {
      method: webhook.method,
      url: webhook.url,
      headers: this.secrets.openHeaders(webhook.headers),
      body: webhook.body,
      includeElementData: webhook.includeElementData,
    };
    let target: WebhookDraft['target'] = null;
    let fields = stored;
    if (dto.target) {
      const plugin = this.targets.get(dto.target.kind);
      const sameKind = dto.target.kind === webhook.targetKind;
      const settings = plugin
        ? this.secrets.resolveSettings(plugin.settings, dto.target.settings, sameKind ? storedSettings : null)
        : dto.target.settings;
      const prepared = prepareTarget({
        registry: this.targets.registry,
        kind: dto.target.kind,
        settings,
        element,
        trigger,
      });
      if (!prepared.ok) throw validationFailed(prepared.errors);
      target = { kind: prepared.plugin.kind, plugin: prepared.plugin, settings: prepared.settings };
      fields = reprefill({ current: stored, before: this.storedPrefill(webhook), after: prepared.prefill });
    } else if (dto.target === undefined && webhook.targetKind) {
      const plugin = this.targets.get(webhook.targetKind);
      target = {
        kind: webhook.targetKind,
        plugin,
        settings: this.secrets.openSettings(plugin?.settings ?? [], storedSettings),
      };
    }
    return {
      name: dto.name ?? webhook.name,
      status: dto.status ?? webhook.status,
      trigger,
      element,
      method: dto.method ?? fields.method,
      url: dto.url ?? fields.url,
      headers: dto.headers ? this.secrets.resolveHeaders(dto.headers, webhook.headers) : fields.headers,
      body: dto.body ?? fields.body,
      includeElementData: dto.include_element_data ?? fields.includeElementData,
      target,
      retrySchedule: dto.retry_schedule === undefined ? webhook.retrySchedule : dto.retry_schedule,
      rateLimit: dto.rate_limit === undefined ? webhook.rateLimit : dto.rate_limit,
      filter: dto.filter === undefined ? webhook.filter : (dto.filter ?? []),
      ordering: dto.ordering ?? webhook.ordering,
    };
  }

  /** What the webhook's current plugin prefilled from its stored settings; undefined without one. */
  private storedPrefill(webhook: WebhookEntity): Prefill | undefined {
    const plugin = webhook.targetKind ? this.targets.get(webhook.targetKind) : undefined;
    if (!plugin) return undefined;
    const prepared = prepareTarget({
      registry: this.targets.registry,
      kind: plugin.kind,
      settings: this.secrets.openSettings(plugin.settings, webhook.targetSettings ?? {}),
      element: webhook.element,
      trigger: webhook.trigger,
    });
    return prepared.ok ? prepared.prefill : undefined;
  }

  /**
   * Templates through core, the retry schedule, then the SSRF check of the URL: all as 400 with fields.
   * Answers the origin the URL sends to, the webhook's destination.
   */
  private async validate(draft: WebhookDraft): Promise<{ origin: string }> {
    const errors = validateWebhookTemplates({
      element: draft.element,
      trigger: draft.trigger,
      method: draft.method,
      url: draft.url,
      headers: draft.headers,
      body: draft.body,
      settingsKeys: draft.target
        ? (draft.target.plugin?.settings.map((s) => s.key) ?? Object.keys(draft.target.settings))
        : [],
    });
    // checked against the element and trigger being saved: changing either may invalidate a condition
    errors.push(...validateFilter({ element: draft.element, trigger: draft.trigger, filter: draft.filter }));
    if (draft.retrySchedule !== null) {
      try {
        parseRetrySchedule(draft.retrySchedule);
      } catch (error) {
        errors.push({
          field: 'retry_schedule',
          message: error instanceof Error ? error.message : 'is invalid',
        });
      }
    }
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

  private toColumns(draft: WebhookDraft, destinationId: string): Partial<WebhookEntity> {
    return {
      name: draft.name,
      status: draft.status,
      trigger: draft.trigger,
      element: draft.element,
      method: draft.method,
      url: draft.url,
      headers: this.secrets.sealHeaders(draft.headers),
      body: draft.body.map((p) => ({ key: p.key, value: p.value })),
      includeElementData: draft.includeElementData,
      targetKind: draft.target?.kind ?? null,
      targetSettings: draft.target
        ? this.secrets.sealSettings(draft.target.plugin?.settings ?? [], draft.target.settings)
        : null,
      retrySchedule: draft.retrySchedule,
      rateLimit: draft.rateLimit,
      filter: draft.filter.map((c) => (c.value === undefined ? { field: c.field, op: c.op } : { ...c })),
      ordering: draft.ordering,
      destinationId,
    };
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
