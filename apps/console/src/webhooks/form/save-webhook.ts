import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/problem';
import type { CreateWebhookRequest, CreatedWebhook, Webhook } from '../../api/types';
import { webhookKeys } from '../webhook-queries';

/** Where a new webhook's signing secret waits, in memory only, for its form to show it once. */
export const signingSecretKey = (id: string) => ['signing-secret', id] as const;

export function useSaveWebhook(existing: Webhook | null) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookRequest): Promise<Webhook | CreatedWebhook> =>
      existing
        ? unwrap(api.PATCH('/v1/webhooks/{id}', { params: { path: { id: existing.id } }, body }))
        : unwrap(api.POST('/v1/webhooks', { body })),
    onSuccess: async (saved) => {
      if ('signing_secret' in saved && typeof saved.signing_secret === 'string') {
        const { signing_secret: secret, ...webhook } = saved;
        queryClient.setQueryData(signingSecretKey(saved.id), secret);
        queryClient.setQueryData(webhookKeys.one(saved.id), webhook);
      } else {
        queryClient.setQueryData(webhookKeys.one(saved.id), saved);
      }
      await queryClient.invalidateQueries({ queryKey: webhookKeys.list() });
      await queryClient.invalidateQueries({ queryKey: webhookKeys.names() });
    },
  });
}
