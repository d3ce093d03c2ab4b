import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context';
import { unwrap } from '../api/problem';
import type { CreateWebhookRequest } from '../api/types';
import { signingSecretKey } from '../webhooks/form/save-webhook';
import { webhookKeys } from '../webhooks/webhook-queries';

export function useTargets() {
  const api = useApi();
  return useQuery({
    queryKey: ['targets'],
    queryFn: async () => (await unwrap(api.GET('/v1/targets'))).items,
    staleTime: Infinity,
  });
}

/** Creates a webhook prefilled by a target's settings; its form shows the signing secret once. */
export function useCreateFromTarget() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookRequest) => unwrap(api.POST('/v1/webhooks', { body })),
    onSuccess: async ({ signing_secret: secret, ...webhook }) => {
      queryClient.setQueryData(signingSecretKey(webhook.id), secret);
      queryClient.setQueryData(webhookKeys.one(webhook.id), webhook);
      await queryClient.invalidateQueries({ queryKey: webhookKeys.list() });
      await queryClient.invalidateQueries({ queryKey: webhookKeys.names() });
    },
  });
}
