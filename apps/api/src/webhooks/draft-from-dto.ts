import type { FieldError } from '@hookrelay/core';
import type { WebhookEntity } from '@hookrelay/db';
import { prepareTarget } from '@hookrelay/targets';
import type { Prefill } from '@hookrelay/targets';
import { validationFailed } from '../common/problem';
import type { TargetsService } from '../targets/targets.service';
import { PrefilledFields, reprefill } from './target-reprefill';
import type { WebhookDraft } from './webhook-draft';
import type { CreateWebhookDto, UpdateWebhookDto } from './webhook.dto';
import type { WebhookSecrets } from './webhook-secrets';

/** What turning a request into a draft needs: the loaded target plugins and the secret box. */
export interface DraftContext {
  targets: TargetsService;
  secrets: WebhookSecrets;
}

/** A new webhook: the target prefills what the request leaves out; method and url must end up set. */
export function draftForCreate(dto: CreateWebhookDto, { targets, secrets }: DraftContext): WebhookDraft {
  let target: WebhookDraft['target'] = null;
  let prefill;
  if (dto.target) {
    const prepared = prepareTarget({
      registry: targets.registry,
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
  if (url === undefined) missing.push({ field: 'url', message: 'is required (unless a target prefills it)' });
  if (!method || url === undefined) throw validationFailed(missing);
  return {
    name: dto.name,
    status: dto.status ?? 'active',
    trigger: dto.trigger,
    element: dto.element,
    method,
    url,
    headers: dto.headers ? secrets.resolveHeaders(dto.headers, []) : (prefill?.headers ?? []),
    body: dto.body ?? prefill?.body ?? [],
    includeElementData: dto.include_element_data ?? prefill?.includeElementData ?? true,
    target,
    retrySchedule: dto.retry_schedule ?? null,
    rateLimit: dto.rate_limit ?? null,
    filter: dto.filter ?? [],
    ordering: dto.ordering ?? 'none',
  };
}

/**
 * The stored webhook with the request's changes: masked secrets sent back keep the stored ones, and a
 * changed target prefills again the fields that still hold what it prefilled before.
 */
export function draftForUpdate(
  webhook: WebhookEntity,
  dto: UpdateWebhookDto,
  context: DraftContext,
): WebhookDraft {
  const { targets, secrets } = context;
  const element = dto.element ?? webhook.element;
  const trigger = dto.trigger ?? webhook.trigger;
  const storedSettings = webhook.targetSettings ?? {};
  const stored: PrefilledFields = {
    method: webhook.method,
    url: webhook.url,
    headers: secrets.openHeaders(webhook.headers),
    body: webhook.body,
    includeElementData: webhook.includeElementData,
  };
  let target: WebhookDraft['target'] = null;
  let fields = stored;
  if (dto.target) {
    const plugin = targets.get(dto.target.kind);
    const sameKind = dto.target.kind === webhook.targetKind;
    const settings = plugin
      ? secrets.resolveSettings(plugin.settings, dto.target.settings, sameKind ? storedSettings : null)
      : dto.target.settings;
    const prepared = prepareTarget({
      registry: targets.registry,
      kind: dto.target.kind,
      settings,
      element,
      trigger,
    });
    if (!prepared.ok) throw validationFailed(prepared.errors);
    target = { kind: prepared.plugin.kind, plugin: prepared.plugin, settings: prepared.settings };
    fields = reprefill({ current: stored, before: storedPrefill(webhook, context), after: prepared.prefill });
  } else if (dto.target === undefined && webhook.targetKind) {
    const plugin = targets.get(webhook.targetKind);
    target = {
      kind: webhook.targetKind,
      plugin,
      settings: secrets.openSettings(plugin?.settings ?? [], storedSettings),
    };
  }
  return {
    name: dto.name ?? webhook.name,
    status: dto.status ?? webhook.status,
    trigger,
    element,
    method: dto.method ?? fields.method,
    url: dto.url ?? fields.url,
    headers: dto.headers ? secrets.resolveHeaders(dto.headers, webhook.headers) : fields.headers,
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
function storedPrefill(webhook: WebhookEntity, { targets, secrets }: DraftContext): Prefill | undefined {
  const plugin = webhook.targetKind ? targets.get(webhook.targetKind) : undefined;
  if (!plugin) return undefined;
  const prepared = prepareTarget({
    registry: targets.registry,
    kind: plugin.kind,
    settings: secrets.openSettings(plugin.settings, webhook.targetSettings ?? {}),
    element: webhook.element,
    trigger: webhook.trigger,
  });
  return prepared.ok ? prepared.prefill : undefined;
}
