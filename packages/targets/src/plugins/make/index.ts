import type { TargetPlugin } from '../../contract';
import { catchHookPlugin } from '../shared/catch-hook';

export const make: TargetPlugin = {
  ...catchHookPlugin({
    kind: 'make',
    displayName: 'Make',
    description: 'Starts a Make scenario through a "Custom webhook" trigger with the element data.',
    docsUrl: 'https://www.make.com/en/help/tools/webhooks',
    urlExample: 'https://hook.eu1.make.com/abcdefghijklmnopqrstuvwxyz123456',
    urlDescription: 'The address Make shows for the custom webhook.',
  }),
  // Make answers 400 "Queue is full." while the scenario's webhook queue is full: that clears, so retry.
  classifyResponse: ({ status, body }) =>
    status === 400 && body.includes('Queue is full')
      ? { outcome: 'retry', reason: 'Make: the webhook queue is full' }
      : undefined,
};
