import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context';
import { unwrap } from '../api/problem';
import type { Delivery, DeliveryStatus } from '../api/types';
import type { DeliveryFilters } from './delivery-filters';

/**
 * How often a page showing a delivery that the relay may still attempt (pending and not paused) asks
 * again, so a retry's or a new delivery's outcome appears without a reload. Settled pages do not poll.
 */
export const PENDING_REFRESH_MS = 2_000;

function refreshWhilePending(deliveries: readonly Pick<Delivery, 'status' | 'paused'>[]): number | false {
  return deliveries.some((delivery) => delivery.status === 'pending' && !delivery.paused)
    ? PENDING_REFRESH_MS
    : false;
}

export const deliveryKeys = {
  all: ['deliveries'] as const,
  list: (filters: DeliveryFilters) => [...deliveryKeys.all, 'list', filters] as const,
  one: (id: string) => [...deliveryKeys.all, 'one', id] as const,
};

export function useDeliveryList(filters: DeliveryFilters) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: deliveryKeys.list(filters),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/deliveries', {
          params: { query: { ...filters, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
    refetchInterval: (query) =>
      refreshWhilePending(query.state.data?.pages.flatMap((page) => page.items) ?? []),
  });
}

export function useDelivery(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: deliveryKeys.one(id),
    queryFn: () => unwrap(api.GET('/v1/deliveries/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => refreshWhilePending(query.state.data ? [query.state.data] : []),
  });
}

function useInvalidateDeliveries() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all });
}

export function useRetryDelivery() {
  const api = useApi();
  const invalidate = useInvalidateDeliveries();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/v1/deliveries/{id}/retry', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export function useCancelDelivery() {
  const api = useApi();
  const invalidate = useInvalidateDeliveries();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/v1/deliveries/{id}/cancel', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export function useBulkCancel() {
  const api = useApi();
  const invalidate = useInvalidateDeliveries();
  return useMutation({
    mutationFn: (range: { webhook_id?: string; since?: string; until?: string }) =>
      unwrap(api.POST('/v1/deliveries/cancel', { body: { ...range, status: 'pending' } })),
    onSuccess: invalidate,
  });
}

export type ReplayableStatus = Extract<DeliveryStatus, 'delivered' | 'dead' | 'cancelled'>;
export const REPLAYABLE_STATUSES = ['delivered', 'dead', 'cancelled'] as const satisfies ReplayableStatus[];

export function useReplay() {
  const api = useApi();
  const invalidate = useInvalidateDeliveries();
  return useMutation({
    mutationFn: ({
      webhookId,
      ...body
    }: {
      webhookId: string;
      since: string;
      until?: string;
      status: ReplayableStatus[];
      cursor?: string;
    }) => unwrap(api.POST('/v1/webhooks/{webhookId}/replay', { params: { path: { webhookId } }, body })),
    onSuccess: invalidate,
  });
}
