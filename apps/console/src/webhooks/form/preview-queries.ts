import { useMutation, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/problem';
import type { TestDelivery } from '../../api/types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An element id as the preview and test take it: a UUID, or nothing for sample data. */
export function elementIdOrSample(text: string): string | null {
  const trimmed = text.trim();
  return UUID.test(trimmed) ? trimmed : null;
}

/** The request a saved webhook would send for an element (or sample data); nothing is sent. */
export function usePreview({
  webhookId,
  version,
  elementId,
}: {
  webhookId: string;
  /** The webhook's `updated_at`: a save renders it again. */
  version: string;
  elementId: string | null;
}) {
  const api = useApi();
  return useQuery({
    queryKey: ['preview', webhookId, version, elementId],
    queryFn: () =>
      unwrap(
        api.POST('/v1/webhooks/{id}/preview', {
          params: { path: { id: webhookId } },
          body: elementId ? { element_id: elementId } : { sample: true },
        }),
      ),
  });
}

/** Element ids of the webhook's latest deliveries: real data to preview and test with. */
export function useRecentElementIds(webhookId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['recent-elements', webhookId],
    queryFn: async () => {
      const page = await unwrap(
        api.GET('/v1/webhooks/{webhookId}/deliveries', {
          params: { path: { webhookId }, query: { limit: 20 } },
        }),
      );
      return [...new Set(page.items.map((delivery) => delivery.element_id))].slice(0, 5);
    },
  });
}

export function useSendTest(webhookId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: async (elementId: string | null): Promise<TestDelivery> => {
      const answer = await unwrap(
        api.POST('/v1/webhooks/{id}/test', {
          params: { path: { id: webhookId } },
          body: elementId ? { element_id: elementId } : {},
        }),
      );
      // The 202's `attempt` is documented as an object or null; it is always null.
      return answer as TestDelivery;
    },
  });
}
