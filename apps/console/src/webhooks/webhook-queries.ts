import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context';
import { unwrap } from '../api/problem';
import type { Webhook, WebhookStatus } from '../api/types';

export const webhookKeys = {
  all: ['webhooks'] as const,
  list: () => [...webhookKeys.all, 'list'] as const,
  names: () => [...webhookKeys.all, 'names'] as const,
  one: (id: string) => [...webhookKeys.all, 'one', id] as const,
};

const PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

export function useWebhookList() {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: webhookKeys.list(),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/webhooks', {
          params: { query: { limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
  });
}

/** Names to show beside deliveries and in filters: the account's first 200 webhooks. */
export function useWebhookNames() {
  const api = useApi();
  return useQuery({
    queryKey: webhookKeys.names(),
    queryFn: async () => {
      const page = await unwrap(api.GET('/v1/webhooks', { params: { query: { limit: MAX_PAGE_SIZE } } }));
      return page.items.map((webhook) => ({ id: webhook.id, name: webhook.name }));
    },
    staleTime: 60_000,
  });
}

export function useWebhook(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: webhookKeys.one(id ?? ''),
    queryFn: () => unwrap(api.GET('/v1/webhooks/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null,
  });
}

export function useSetWebhookStatus() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: WebhookStatus }) =>
      unwrap(api.PATCH('/v1/webhooks/{id}', { params: { path: { id } }, body: { status } })),
    onSuccess: (webhook: Webhook) => {
      queryClient.setQueryData(webhookKeys.one(webhook.id), webhook);
      return queryClient.invalidateQueries({ queryKey: webhookKeys.list() });
    },
  });
}

export function useDeleteWebhook() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/v1/webhooks/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}
