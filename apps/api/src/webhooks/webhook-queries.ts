import { WebhookEntity } from '@hookrelay/db';
import type { SettingField } from '@hookrelay/targets';
import { EntityManager } from 'typeorm';
import { notFound } from '../common/problem';
import { TargetsService } from '../targets/targets.service';

/** The account's webhook, or a 404. */
export async function findWebhook(
  manager: EntityManager,
  accountId: string,
  id: string,
): Promise<WebhookEntity> {
  const webhook = await manager.getRepository(WebhookEntity).findOne({ where: { id, accountId } });
  if (!webhook) throw notFound('webhook');
  return webhook;
}

/** The settings schema of a webhook's target plugin; none without a target (or an unknown plugin). */
export function settingsSchemaOf(targets: TargetsService, kind: string | null): readonly SettingField[] {
  return kind ? (targets.get(kind)?.settings ?? []) : [];
}
