import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';

export interface FirstAttempt {
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
  duration_ms: number | null;
  error: string | null;
  outcome: string;
}

export type FirstAttemptWait =
  /** The relay recorded attempt 1; `status` is the delivery's status after it. */
  | { kind: 'attempted'; status: string; attempt: FirstAttempt }
  /** Finished without an attempt (cancelled meanwhile): nothing will come. */
  | { kind: 'ended'; status: string }
  /** Still pending when the wait ran out. */
  | { kind: 'waiting' }
  /** The delivery no longer exists (its webhook was deleted meanwhile). */
  | { kind: 'gone' };

interface Row {
  status: string;
  attempt: FirstAttempt | null;
}

export const FIRST_ATTEMPT_POLL_MS = 50;

/**
 * Waits up to `waitMs` for the relay's first attempt of a delivery. It polls: one probe of the attempts'
 * primary key (delivery_id, attempt) and the delivery's row, on a pooled connection held for a moment.
 * LISTEN would keep a connection of its own per waiting request for the whole wait, and would need a
 * NOTIFY for recorded attempts, which the relay does not send. The attempt and the delivery's transition
 * are written by one relay statement, so the status read beside the attempt is the one after it.
 */
export async function waitForFirstAttempt(
  dataSource: DataSource,
  input: { accountId: string; deliveryId: string; waitMs: number; pollMs?: number },
): Promise<FirstAttemptWait> {
  const pollMs = input.pollMs ?? FIRST_ATTEMPT_POLL_MS;
  const deadline = Date.now() + input.waitMs;
  for (;;) {
    const [row]: Row[] = await dataSource.query(
      `SELECT d.status,
              CASE WHEN a.delivery_id IS NOT NULL THEN jsonb_build_object(
                'response_status', a.response_status, 'response_headers', a.response_headers,
                'response_body', a.response_body, 'duration_ms', a.duration_ms, 'error', a.error,
                'outcome', a.outcome) END AS attempt
         FROM deliveries d
         LEFT JOIN delivery_attempts a ON a.delivery_id = d.id AND a.attempt = 1 AND a.account_id = d.account_id
        WHERE d.account_id = $1 AND d.id = $2`,
      [input.accountId, input.deliveryId],
    );
    if (!row) return { kind: 'gone' };
    if (row.attempt) return { kind: 'attempted', status: row.status, attempt: row.attempt };
    if (row.status !== 'pending') return { kind: 'ended', status: row.status };
    const left = deadline - Date.now();
    if (left <= 0) return { kind: 'waiting' };
    await sleep(Math.min(pollMs, left));
  }
}
