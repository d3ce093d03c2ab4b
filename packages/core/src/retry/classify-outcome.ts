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

/** Moved for good: sending again cannot help, the webhook's URL needs the new address. */
const PERMANENT_REDIRECTS = new Set([301, 308]);
/** The longest Location a reason quotes; the attempt log keeps the whole header. */
const MAX_QUOTED_LOCATION = 300;

/**
 * A redirect is never followed (it could lead anywhere, and a 303 would turn the request into a GET):
 * a permanent one is dead at once, a temporary one is retried. The reason names where it pointed.
 */
function classifyRedirect(status: number, location: string | undefined): Outcome {
  const target = location ? ` to ${location.slice(0, MAX_QUOTED_LOCATION)}` : '';
  if (PERMANENT_REDIRECTS.has(status)) {
    return {
      kind: 'dead',
      reason: `HTTP ${status}: moved permanently${target}; redirects are not followed, update the payload URL`,
      disableWebhook: false,
    };
  }
  return { kind: 'retry', reason: `HTTP ${status}: redirected${target}; redirects are not followed` };
}

/** What an attempt's result means for the job (DESIGN §4). An error wins over a status. */
export function classifyOutcome(input: {
  status?: number;
  error?: DeliveryError;
  /** The response's Location header, for a redirect. */
  location?: string;
}): Outcome {
  if (input.error) return classifyError(input.error);
  const status = input.status;
  if (status === undefined) return { kind: 'retry', reason: 'no response' };
  if (status >= 200 && status < 300) return { kind: 'delivered' };
  if (status >= 300 && status < 400) return classifyRedirect(status, input.location);
  if (status === 410) return { kind: 'dead', reason: 'HTTP 410: the receiver is gone', disableWebhook: true };
  if (RETRYABLE_STATUSES.has(status) || status >= 500) return { kind: 'retry', reason: `HTTP ${status}` };
  if (status >= 400 && status < 500) return { kind: 'dead', reason: `HTTP ${status}`, disableWebhook: false };
  return { kind: 'retry', reason: `unexpected HTTP status ${status}` };
}
