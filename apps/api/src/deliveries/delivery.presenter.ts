import { DeliveryAttemptEntity, ElementSnapshotEntity } from '@hookrelay/db';
import { DeliveryWithChange } from './delivery-queries';
import {
  AttemptResponse,
  DeliveryDetailResponse,
  DeliveryResponse,
  SnapshotResponse,
} from './delivery.response';

export type { DeliveryDetailResponse, DeliveryResponse };

/**
 * Every delivery answer: the job and the change it delivers (element, element_id, trigger), and the
 * earlier delivery it waits for under per-element ordering (see waiting-for.ts).
 */
export function toDeliveryResponse(
  delivery: DeliveryWithChange,
  waitingFor: string | null = null,
): DeliveryResponse {
  const { change } = delivery;
  return {
    id: delivery.id,
    webhook_id: delivery.webhookId,
    snapshot_id: delivery.snapshotId,
    element: change.element,
    element_id: change.elementId,
    trigger: change.trigger,
    status: delivery.status,
    paused: delivery.status === 'pending' && delivery.paused,
    waiting_for: delivery.status === 'pending' ? waitingFor : null,
    attempts: delivery.attempts,
    next_attempt_at: delivery.nextAttemptAt.toISOString(),
    last_error: delivery.lastError,
    last_status_code: delivery.lastStatusCode,
    created_at: delivery.createdAt.toISOString(),
    updated_at: delivery.updatedAt.toISOString(),
    completed_at: delivery.completedAt?.toISOString() ?? null,
  };
}

export function toAttemptResponse(attempt: DeliveryAttemptEntity): AttemptResponse {
  return {
    attempt: attempt.attempt,
    outcome: attempt.outcome,
    request: attempt.request,
    response_status: attempt.responseStatus,
    response_headers: attempt.responseHeaders,
    response_body: attempt.responseBody,
    duration_ms: attempt.durationMs,
    error: attempt.error,
    created_at: attempt.createdAt.toISOString(),
  };
}

export function toSnapshotResponse(snapshot: ElementSnapshotEntity): SnapshotResponse {
  return {
    element: snapshot.element,
    element_id: snapshot.elementId,
    trigger: snapshot.trigger,
    data: snapshot.data,
    created_at: snapshot.createdAt.toISOString(),
  };
}
