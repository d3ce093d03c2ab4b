export const DELIVERY_ERRORS = ['timeout', 'network', 'ssrf', 'too_large', 'invalid_request'] as const;
export type DeliveryError = (typeof DELIVERY_ERRORS)[number];

export type Outcome =
  | { kind: 'delivered' }
  | { kind: 'retry'; reason: string }
  | { kind: 'dead'; reason: string; disableWebhook: boolean };

const RETRYABLE_STATUSES = new Set([408, 425, 429]);

function classifyError(error: DeliveryError): Outcome {
  switch (error) {
    case 'timeout':
      return { kind: 'retry', reason: 'the receiver did not answer in time' };
    case 'network':
      return { kind: 'retry', reason: 'network error' };
    case 'ssrf':
      return { kind: 'dead', reason: 'the target address is not allowed', disableWebhook: false };
    case 'too_large':
      return { kind: 'dead', reason: 'the request body is too large', disableWebhook: false };
    case 'invalid_request':
      return { kind: 'dead', reason: 'the request could not be built', disableWebhook: false };
  }
}

/** What an attempt's result means for the job (DESIGN §4). An error wins over a status. */
export function classifyOutcome(input: { status?: number; error?: DeliveryError }): Outcome {
  if (input.error) return classifyError(input.error);
  const status = input.status;
  if (status === undefined) return { kind: 'retry', reason: 'no response' };
  if (status >= 200 && status < 300) return { kind: 'delivered' };
  if (status >= 300 && status < 400)
    return { kind: 'retry', reason: `HTTP ${status}: redirects are not followed` };
  if (status === 410) return { kind: 'dead', reason: 'HTTP 410: the receiver is gone', disableWebhook: true };
  if (RETRYABLE_STATUSES.has(status) || status >= 500) return { kind: 'retry', reason: `HTTP ${status}` };
  if (status >= 400 && status < 500) return { kind: 'dead', reason: `HTTP ${status}`, disableWebhook: false };
  return { kind: 'retry', reason: `unexpected HTTP status ${status}` };
}
