import type { TargetPlugin } from '../../contract';
import { catchHookPlugin } from '../shared/catch-hook';

export const zapier: TargetPlugin = catchHookPlugin({
  kind: 'zapier',
  displayName: 'Zapier',
  description: 'Starts a Zap through a "Webhooks by Zapier" Catch Hook trigger with the element data.',
  docsUrl: 'https://help.zapier.com/hc/en-us/articles/8496288690317-Trigger-Zaps-from-webhooks',
  urlExample: 'https://hooks.zapier.com/hooks/catch/123456/abcdef/',
  urlDescription: 'The Catch Hook URL Zapier shows for the trigger.',
});
