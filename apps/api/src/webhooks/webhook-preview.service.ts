import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { TemplateRenderError, renderRequest, sampleSnapshot } from '@hookrelay/core';
import type { JsonObject, RenderedRequest, WebhookDefinition } from '@hookrelay/core';
import { secretSettingKeys } from '@hookrelay/targets';
import type { SettingField } from '@hookrelay/targets';
import { DataSource } from 'typeorm';
import { notFound, validationFailed } from '../common/problem';
import { loadElementData } from '../elements/element-sources';
import { TargetsService } from '../targets/targets.service';
import { PREVIEW_SIGNATURE, PreviewSecrets, maskPreview } from './preview-masking';
import { PreviewWebhookDto } from './webhook.dto';
import { toWebhookDefinition } from './webhook.presenter';
import { findWebhook, settingsSchemaOf } from './webhook-queries';
import { WebhookSecrets } from './webhook-secrets';
import { PreviewResponse } from './webhook.response';

/** `POST /v1/webhooks/:id/preview`: the request as it would be sent, secrets masked; nothing is sent. */
@Injectable()
export class WebhookPreviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: WebhookSecrets,
    private readonly targets: TargetsService,
  ) {}

  /** Renders the exact request for an element or sample data; nothing is sent. */
  async preview(accountId: string, id: string, dto: PreviewWebhookDto): Promise<PreviewResponse> {
    if ((dto.element_id === undefined) === (dto.sample !== true)) {
      throw validationFailed([{ field: 'element_id', message: 'give either element_id or sample: true' }]);
    }
    const webhook = await findWebhook(this.dataSource.manager, accountId, id);
    let elementData: JsonObject;
    if (dto.element_id !== undefined && webhook.trigger === 'delete') {
      // A delete sends only the id, and the element is usually gone already: nothing to load.
      elementData = { id: dto.element_id };
    } else if (dto.element_id !== undefined) {
      // the element as it is now, with its related data (for an update, `previous` is the same element)
      const loaded = await loadElementData(
        this.dataSource.manager,
        webhook.element,
        { id: dto.element_id, accountId },
        webhook.trigger,
      );
      if (!loaded) throw notFound(webhook.element);
      elementData = loaded;
    } else {
      elementData = sampleSnapshot(webhook.element, webhook.trigger);
    }
    const schema = settingsSchemaOf(this.targets, webhook.targetKind);
    const definition = toWebhookDefinition(webhook, this.secrets, schema);
    const delivery = { id: `preview_${randomUUID()}`, timestamp: new Date() };
    let rendered: RenderedRequest;
    try {
      rendered = renderRequest({
        webhook: definition,
        snapshot: elementData,
        delivery,
        settings: definition.target?.settings,
      });
    } catch (error) {
      if (error instanceof TemplateRenderError) {
        throw validationFailed(
          [{ field: error.field, message: error.message }],
          'The webhook cannot be rendered for this element',
        );
      }
      throw error;
    }
    const masked = maskPreview(rendered, this.previewSecrets(definition, schema));
    return {
      method: masked.method,
      url: masked.url,
      headers: {
        ...masked.headers,
        'webhook-id': delivery.id,
        'webhook-timestamp': String(Math.floor(delivery.timestamp.getTime() / 1000)),
        'webhook-signature': PREVIEW_SIGNATURE,
      },
      body: masked.body ?? null,
      element_data: elementData,
    };
  }

  /** The secrets a rendered preview may contain, and the headers whose whole value is secret. */
  private previewSecrets(definition: WebhookDefinition, schema: readonly SettingField[]): PreviewSecrets {
    const secretKeys = secretSettingKeys(schema);
    const settings = definition.target?.settings ?? {};
    const values = secretKeys.map((key) => settings[key]).filter((v): v is string => typeof v === 'string');
    const usesSecretSetting = (template: string) =>
      secretKeys.some((key) => {
        const name = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        return new RegExp(`settings\\s*(\\.\\s*${name}\\b|\\[\\s*['"]${name}['"])`).test(template);
      });
    const headers = definition.headers.filter((h) => h.secret || usesSecretSetting(h.value));
    return { values, headerNames: headers.map((h) => h.key) };
  }
}
