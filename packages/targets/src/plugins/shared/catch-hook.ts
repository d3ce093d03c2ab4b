import type { SettingField, TargetCategory, TargetPlugin } from '../../contract';
import { validateSettings } from '../../settings';
import { changeTimestamp } from './element-fields';

/**
 * Automation tools (Zapier, Make, n8n) that accept any JSON on a secret URL: they get the default
 * payload (`element_data`) plus a little context to branch on.
 */
export function catchHookPlugin(input: {
  kind: string;
  displayName: string;
  category?: TargetCategory;
  description: string;
  docsUrl: string;
  urlExample: string;
  urlDescription: string;
  extraSettings?: readonly SettingField[];
}): Pick<
  TargetPlugin,
  'kind' | 'displayName' | 'category' | 'description' | 'docsUrl' | 'settings' | 'validate' | 'prefill'
> {
  const settings: readonly SettingField[] = [
    {
      key: 'webhook_url',
      label: 'Webhook URL',
      type: 'url',
      required: true,
      secret: true,
      example: input.urlExample,
      description: input.urlDescription,
    },
    ...(input.extraSettings ?? []),
  ];
  return {
    kind: input.kind,
    displayName: input.displayName,
    category: input.category ?? 'automation',
    description: input.description,
    docsUrl: input.docsUrl,
    settings,
    validate: (values) => validateSettings(settings, values),
    prefill: ({ element, trigger }) => ({
      method: 'POST',
      url: '{{settings.webhook_url}}',
      headers: [],
      body: [
        { key: 'event', value: `${element}.${trigger}d` },
        { key: 'delivery_id', value: '{{delivery.id}}' },
        { key: 'occurred_at', value: changeTimestamp(trigger) },
      ],
      includeElementData: true,
    }),
  };
}
