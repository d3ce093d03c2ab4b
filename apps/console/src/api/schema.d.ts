// Generated from apps/api/openapi.json by `npm run generate -w @hookrelay/console`. Do not edit.

export interface paths {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_check'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ApiKeysController_list'];
    put?: never;
    post: operations['ApiKeysController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/api-keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: operations['ApiKeysController_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/console/links': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['ConsoleLinksController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/console/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ConsoleSessionsController_get'];
    put?: never;
    post?: never;
    delete: operations['ConsoleSessionsController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/console/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['ConsoleSessionsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['DeliveriesController_listForAccount'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/deliveries/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['DeliveriesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/deliveries/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['DeliveriesController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/deliveries/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['DeliveriesController_retry'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/deliveries/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['DeliveriesController_cancelMany'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/elements/{element}/{id}/activity': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ActivityController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['EventsController_list'];
    put?: never;
    post: operations['EventsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/events/{eventId}/rsvps': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['RsvpsController_list'];
    put?: never;
    post: operations['RsvpsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/events/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['EventsController_get'];
    put?: never;
    post?: never;
    delete: operations['EventsController_remove'];
    options?: never;
    head?: never;
    patch: operations['EventsController_update'];
    trace?: never;
  };
  '/v1/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['GroupsController_list'];
    put?: never;
    post: operations['GroupsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/groups/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['GroupsController_get'];
    put?: never;
    post?: never;
    delete: operations['GroupsController_remove'];
    options?: never;
    head?: never;
    patch: operations['GroupsController_update'];
    trace?: never;
  };
  '/v1/rsvps/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['RsvpsController_get'];
    put?: never;
    post?: never;
    delete: operations['RsvpsController_remove'];
    options?: never;
    head?: never;
    patch: operations['RsvpsController_update'];
    trace?: never;
  };
  '/v1/targets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['TargetsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/variables': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['VariablesController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['WebhooksController_list'];
    put?: never;
    post: operations['WebhooksController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['WebhooksController_get'];
    put?: never;
    post?: never;
    delete: operations['WebhooksController_remove'];
    options?: never;
    head?: never;
    patch: operations['WebhooksController_update'];
    trace?: never;
  };
  '/v1/webhooks/{id}/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['WebhooksController_preview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/{id}/rotate-secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['WebhooksController_rotateSecret'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/{id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['WebhooksController_test'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/{webhookId}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['DeliveriesController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/{webhookId}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['DeliveriesController_replay'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ActivityResponse: {
      /** @description The newest deliveries of the element across webhooks; `next_cursor` continues with GET /v1/deliveries?element=…&element_id=…&cursor=…. */
      deliveries: components['schemas']['DeliveryPage'];
      /** @enum {string} */
      element: 'group' | 'event' | 'rsvp';
      /** Format: uuid */
      element_id: string;
      /** @description false for an element deleted since (its deliveries stay until retention). */
      exists: boolean;
      /** @description Every webhook on this element type, and why it would or wouldn't fire. */
      webhooks: components['schemas']['WebhookFiringResponse'][];
    };
    ApiKeyPage: {
      items: components['schemas']['ApiKeyResponse'][];
      /** @description Opaque cursor of the next page; null on the last page. */
      next_cursor: string | null;
    };
    ApiKeyResponse: {
      /** Format: date-time */
      created_at: string;
      /** Format: uuid */
      id: string;
      /**
       * @description The first characters of the key, to recognise it.
       * @example hr_Xk3v9
       */
      prefix: string;
      /** Format: date-time */
      revoked_at: string | null;
    };
    AttemptResponse: {
      attempt: number;
      /** Format: date-time */
      created_at: string;
      duration_ms: number | null;
      error: string | null;
      outcome: string;
      /** @description method, url, headers (secrets redacted), body */
      request: {
        [key: string]: unknown;
      };
      /** @description Truncated to 4 KiB. */
      response_body: string | null;
      response_headers: {
        [key: string]: string;
      } | null;
      response_status: number | null;
    };
    BodyPairDto: {
      /**
       * @description Dotted path; `element_data` is reserved.
       * @example properties.email
       */
      key: string;
      /** @example {{email}} */
      value: string;
    };
    BodyPairResponse: {
      key: string;
      value: string;
    };
    BulkCancelDto: {
      /**
       * Format: date-time
       * @description Created at or after this instant.
       * @example 2026-01-01T00:00:00Z
       */
      since?: string;
      /**
       * @description Required: only pending deliveries (paused ones included) can be cancelled.
       * @example pending
       * @enum {string}
       */
      status: 'pending';
      /**
       * Format: date-time
       * @description Created before this instant; default the time of the request.
       * @example 2026-01-02T00:00:00Z
       */
      until?: string;
      /**
       * Format: uuid
       * @description Only this webhook’s deliveries; default all of the account’s.
       * @example 7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d
       */
      webhook_id?: string;
    };
    BulkCancelResponse: {
      /**
       * @description How many pending deliveries were cancelled.
       * @example 1250
       */
      cancelled: number;
    };
    ConsoleLinkResponse: {
      /** Format: date-time */
      expires_at: string;
      /**
       * Format: uri
       * @description Opens the console signed in to the account; works once, within 10 minutes.
       * @example https://hooks.example.com/console/links/Yk2yM9c0rQ1o8vJ3nF6pT4wXeS7aD5bH0gL2iK8uZ1c
       */
      url: string;
    };
    ConsoleSessionResponse: {
      /** Format: uuid */
      account_id: string;
      /**
       * @description Send it as the X-CSRF-Token header with every cookie-authenticated request other than GET, HEAD and OPTIONS.
       * @example kq3Jm4m1x9vH0hWlq2nV7yZ8cA5dR6tU1oP3sE4fG2w
       */
      csrf_token: string;
      /**
       * Format: date-time
       * @description 12 h after sign-in, however much the session is used.
       */
      expires_at: string;
    };
    CreatedApiKeyResponse: {
      /** Format: date-time */
      created_at: string;
      /** Format: uuid */
      id: string;
      /**
       * @description The key itself: shown in this answer only, store it now.
       * @example hr_Xk3v9…
       */
      key: string;
      /**
       * @description The first characters of the key, to recognise it.
       * @example hr_Xk3v9
       */
      prefix: string;
      /** Format: date-time */
      revoked_at: string | null;
    };
    CreateEventDto: {
      dates?: components['schemas']['EventDateDto'][];
      /** Format: uuid */
      group_id?: string | null;
      /** @default false */
      rsvp_enabled?: boolean;
      /**
       * @default draft
       * @enum {string}
       */
      status?: 'draft' | 'published';
      /** @example Spring meetup */
      title: string;
      /** @example https://example.com/events/spring */
      url?: string | null;
    };
    CreateGroupDto: {
      description?: string | null;
      /** @example Berlin meetups */
      name: string;
    };
    CreateRsvpDto: {
      /** @example ada@example.com */
      email: string;
      /**
       * @example {
       *       "diet": "vegan"
       *     }
       */
      fields?: {
        [key: string]: unknown;
      };
      /** @example Ada Lovelace */
      name: string;
      /** @default 1 */
      seats?: number;
      /**
       * @default yes
       * @enum {string}
       */
      status?: 'yes' | 'maybe' | 'no';
    };
    CreateWebhookDto: {
      body?: components['schemas']['BodyPairDto'][];
      /** @enum {string} */
      element: 'group' | 'event' | 'rsvp';
      /**
       * @description Conditions that must all hold for a change to give this webhook a job (decided in the change’s transaction). Absent or empty: every change.
       * @example [
       *       {
       *         "field": "status",
       *         "op": "eq",
       *         "value": "yes"
       *       },
       *       {
       *         "field": "event.status",
       *         "op": "eq",
       *         "value": "published"
       *       }
       *     ]
       */
      filter?: components['schemas']['FilterConditionDto'][];
      headers?: components['schemas']['HeaderDto'][];
      /** @default true */
      include_element_data?: boolean;
      /**
       * @description Required unless a target prefills it.
       * @enum {string}
       */
      method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      /** @example RSVPs to CRM */
      name: string;
      /**
       * @description `none`: deliveries go out in parallel. `per_element`: one element's deliveries go out one at a time in commit order, each after the previous is delivered, dead or cancelled, across all `per_element` webhooks of the account with the same destination origin (a mirror's delete never overtakes its create); other elements are not held up.
       * @default none
       * @enum {string}
       */
      ordering?: 'none' | 'per_element';
      /**
       * @description Most requests per second to this webhook, across all relays; null: no limit.
       * @example 10
       */
      rate_limit?: number | null;
      /**
       * @description Overrides the global schedule.
       * @example 0,5s,5m,2h
       */
      retry_schedule?: string | null;
      /**
       * @default active
       * @enum {string}
       */
      status?: 'active' | 'disabled';
      /** @description Prefills method, url, headers, body. */
      target?: components['schemas']['TargetDto'] | null;
      /** @enum {string} */
      trigger: 'create' | 'update' | 'delete';
      /**
       * @description http(s); may contain variables. Required unless a target prefills it.
       * @example https://crm.example.com/contacts/{{id}}
       */
      url?: string;
    };
    DeliveryDetailResponse: {
      attempts: number;
      attempts_log: components['schemas']['AttemptResponse'][];
      /** Format: date-time */
      completed_at: string | null;
      /** Format: date-time */
      created_at: string;
      /**
       * @description The element type of the change.
       * @example rsvp
       * @enum {string}
       */
      element: 'group' | 'event' | 'rsvp';
      /**
       * Format: uuid
       * @description The element the change was to.
       * @example c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f
       */
      element_id: string;
      /**
       * Format: uuid
       * @description Also the `webhook-id` header: stable across retries.
       */
      id: string;
      last_error: string | null;
      last_status_code: number | null;
      /** Format: date-time */
      next_attempt_at: string;
      /** @description A pending delivery waiting because its webhook is disabled; it goes out once enabled again. */
      paused: boolean;
      snapshot: components['schemas']['SnapshotResponse'] | null;
      /** Format: uuid */
      snapshot_id: string;
      /** @enum {string} */
      status: 'pending' | 'delivered' | 'dead' | 'cancelled';
      /**
       * @description What the change was.
       * @example create
       * @enum {string}
       */
      trigger: 'create' | 'update' | 'delete';
      /** Format: date-time */
      updated_at: string;
      /**
       * Format: uuid
       * @description Under per-element ordering: the earlier pending delivery of the same element (and destination) this one waits for; it goes out once that one is delivered, dead or cancelled. Null otherwise.
       */
      waiting_for: string | null;
      /** Format: uuid */
      webhook_id: string;
    };
    DeliveryPage: {
      items: components['schemas']['DeliveryResponse'][];
      /** @description Opaque cursor of the next page; null on the last page. */
      next_cursor: string | null;
    };
    DeliveryResponse: {
      attempts: number;
      /** Format: date-time */
      completed_at: string | null;
      /** Format: date-time */
      created_at: string;
      /**
       * @description The element type of the change.
       * @example rsvp
       * @enum {string}
       */
      element: 'group' | 'event' | 'rsvp';
      /**
       * Format: uuid
       * @description The element the change was to.
       * @example c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f
       */
      element_id: string;
      /**
       * Format: uuid
       * @description Also the `webhook-id` header: stable across retries.
       */
      id: string;
      last_error: string | null;
      last_status_code: number | null;
      /** Format: date-time */
      next_attempt_at: string;
      /** @description A pending delivery waiting because its webhook is disabled; it goes out once enabled again. */
      paused: boolean;
      /** Format: uuid */
      snapshot_id: string;
      /** @enum {string} */
      status: 'pending' | 'delivered' | 'dead' | 'cancelled';
      /**
       * @description What the change was.
       * @example create
       * @enum {string}
       */
      trigger: 'create' | 'update' | 'delete';
      /** Format: date-time */
      updated_at: string;
      /**
       * Format: uuid
       * @description Under per-element ordering: the earlier pending delivery of the same element (and destination) this one waits for; it goes out once that one is delivered, dead or cancelled. Null otherwise.
       */
      waiting_for: string | null;
      /** Format: uuid */
      webhook_id: string;
    };
    DestinationResponse: {
      /**
       * @description closed: deliveries flow; open: repeated timeouts or connection failures, deliveries wait without spending attempts until a probe gets an answer; half_open: the probe is under way
       * @enum {string}
       */
      circuit: 'closed' | 'open' | 'half_open';
      /**
       * @description Timeouts and connection failures in a row.
       * @example 0
       */
      failures: number;
      /**
       * @description The last timeout or connection failure.
       * @example connect ETIMEDOUT
       */
      last_failure: string | null;
      /**
       * Format: date-time
       * @description While the circuit is open: when the next probe may go.
       */
      next_probe_at: string | null;
      /**
       * Format: date-time
       * @description When the circuit opened; null while closed.
       */
      opened_at: string | null;
      /**
       * @description Scheme, host and port of the URL. Webhooks of the account with the same origin share this state.
       * @example https://cms.example.com
       */
      origin: string;
      /**
       * Format: date-time
       * @description a 429 or Retry-After from the destination: nothing is sent to it before this
       */
      paused_until: string | null;
    };
    EventDateDto: {
      description?: string | null;
      /** @example 2026-03-14T21:00:00Z */
      end?: string | null;
      location?: string | null;
      /** @example Day 1 */
      name?: string | null;
      /** @example 2026-03-14T18:00:00Z */
      start: string;
      /** @example Europe/Berlin */
      time_zone: string;
    };
    EventDateResponse: {
      description: string | null;
      /** Format: date-time */
      end: string | null;
      location: string | null;
      name: string | null;
      /** Format: date-time */
      start: string;
      /** @example Europe/Berlin */
      time_zone: string;
    };
    EventPage: {
      items: components['schemas']['EventResponse'][];
      /** @description Opaque cursor of the next page; null on the last page. */
      next_cursor: string | null;
    };
    EventResponse: {
      /** Format: date-time */
      created_at: string;
      dates: components['schemas']['EventDateResponse'][];
      /** Format: uuid */
      group_id: string | null;
      /** Format: uuid */
      id: string;
      rsvp_enabled: boolean;
      /** @enum {string} */
      status: 'draft' | 'published';
      title: string;
      /** Format: date-time */
      updated_at: string;
      url: string | null;
    };
    FieldErrorResponse: {
      /** @example headers[1].key */
      field: string;
      message: string;
    };
    FilterConditionDto: {
      /**
       * @description A field of the change: the element (`status`, `fields.company`), its related data (`event.status`), for an update `previous.status` and `changed_fields`. GET /v1/variables lists them.
       * @example event.status
       */
      field: string;
      /**
       * @description `changed` (update webhooks only) holds when the field differs from its previous value.
       * @example eq
       * @enum {string}
       */
      op: 'eq' | 'ne' | 'in' | 'not_in' | 'gt' | 'gte' | 'lt' | 'lte' | 'contains' | 'exists' | 'changed';
      /**
       * @description What the field is compared with: a string, number, boolean or null of the field’s type; a list for `in` / `not_in`; none for `changed`, and for `exists` (or false to ask for absence).
       * @example published
       */
      value?: unknown;
    };
    FilterConditionResponse: {
      /** @example status */
      field: string;
      /**
       * @example eq
       * @enum {string}
       */
      op: 'eq' | 'ne' | 'in' | 'not_in' | 'gt' | 'gte' | 'lt' | 'lte' | 'contains' | 'exists' | 'changed';
      /**
       * @description Absent for `changed` and a plain `exists`.
       * @example yes
       */
      value?: unknown;
    };
    FiringVerdictResponse: {
      /** @description For `filter`: the element's value of the condition's field (null: absent). */
      actual?: unknown;
      /** @description For `filter`: the failing condition. */
      condition?: components['schemas']['FilterConditionResponse'];
      /** @example filter[0] status eq "yes", but status is "no" */
      message: string | null;
      /**
       * @description Why not: disabled (the webhook is off), trigger (it fires on another trigger), filter (a condition fails for the element as it is now).
       * @enum {string|null}
       */
      reason: 'disabled' | 'trigger' | 'filter' | null;
      /** @description Whether a change of this trigger would give the webhook a job now. */
      would_fire: boolean;
    };
    GroupPage: {
      items: components['schemas']['GroupResponse'][];
      /** @description Opaque cursor of the next page; null on the last page. */
      next_cursor: string | null;
    };
    GroupResponse: {
      /** Format: date-time */
      created_at: string;
      description: string | null;
      /** Format: uuid */
      id: string;
      /** @example Berlin meetups */
      name: string;
      /** Format: date-time */
      updated_at: string;
    };
    HeaderDto: {
      /** @example Authorization */
      key: string;
      /** @description Encrypted at rest, masked in responses, redacted in attempt logs. */
      secret?: boolean;
      /**
       * @description Template. Secret values come back masked.
       * @example Bearer {{settings.token}}
       */
      value: string;
    };
    HeaderResponse: {
      key: string;
      secret?: boolean;
      /** @description Template; a secret value is masked (`••••` + last 4). */
      value: string;
    };
    HealthResponse: {
      /** @enum {string} */
      database: 'ok';
      /**
       * @description The target plugins this process loaded; every API and relay should list the same.
       * @example [
       *       "slack",
       *       "strapi"
       *     ]
       */
      plugins: string[];
      /** @enum {string} */
      status: 'ok';
    };
    LastDeliveryResponse: {
      /**
       * Format: date-time
       * @description When it was delivered, died or was cancelled; while pending, when it was queued.
       */
      at: string;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      status: 'pending' | 'delivered' | 'dead' | 'cancelled';
    };
    PreviewResponse: {
      /** @description JSON text; null for GET. */
      body: string | null;
      /** @description The data the templates were rendered with. */
      element_data: {
        [key: string]: unknown;
      };
      /** @description Secret values masked; webhook-signature is the placeholder `v1,<signed at delivery>`. */
      headers: {
        [key: string]: string;
      };
      /** @enum {string} */
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      /** @description Secret target settings in it (e.g. a Slack webhook URL) masked. */
      url: string;
    };
    PreviewWebhookDto: {
      /**
       * Format: uuid
       * @description Render for this element (of the webhook’s element type).
       */
      element_id?: string;
      /** @description Render for sample data instead. */
      sample?: boolean;
    };
    ProblemResponse: {
      detail?: string;
      errors?: components['schemas']['FieldErrorResponse'][];
      /** @example 400 */
      status: number;
      /** @example Bad Request */
      title: string;
      /** @example https://hookrelay.dev/problems/validation */
      type: string;
    };
    ReplayDto: {
      /** @description From `next_cursor` of a truncated replay: continue after it. */
      cursor?: string;
      /**
       * @description Deliveries created at or after this instant.
       * @example 2026-01-01T00:00:00Z
       */
      since: string;
      /** @description One status or a list; default delivered and dead. */
      status?: ('delivered' | 'dead' | 'cancelled')[];
      /**
       * @description Created before this instant; default now.
       * @example 2026-01-02T00:00:00Z
       */
      until?: string;
    };
    ReplayResponse: {
      delivery_ids: string[];
      /** @description When truncated: send the same request with `cursor` set to this (and `until` as answered). */
      next_cursor: string | null;
      replayed: number;
      /** @description More deliveries matched than one call replays (10 000): continue with next_cursor. */
      truncated: boolean;
      /**
       * Format: date-time
       * @description The end of the range replayed (now when not given).
       */
      until: string;
    };
    RetiredSecretResponse: {
      /**
       * Format: date-time
       * @description It signs deliveries until then.
       */
      expires_at: string;
    };
    RsvpPage: {
      items: components['schemas']['RsvpResponse'][];
      /** @description Opaque cursor of the next page; null on the last page. */
      next_cursor: string | null;
    };
    RsvpResponse: {
      /** Format: date-time */
      created_at: string;
      email: string;
      /** Format: uuid */
      event_id: string;
      fields: {
        [key: string]: string | number | boolean;
      };
      /** Format: uuid */
      id: string;
      name: string;
      seats: number;
      /** @enum {string} */
      status: 'yes' | 'maybe' | 'no';
      /** Format: date-time */
      updated_at: string;
    };
    SettingFieldResponse: {
      /** @description string, number or boolean */
      default?: unknown;
      description?: string;
      /** @description string, number or boolean */
      example?: unknown;
      /**
       * @description Templates read it as `{{settings.<key>}}`.
       * @example webhook_url
       */
      key: string;
      label: string;
      options?: string[];
      required: boolean;
      /** @description Encrypted at rest, masked in responses. */
      secret?: boolean;
      /** @enum {string} */
      type: 'string' | 'number' | 'boolean' | 'url' | 'enum';
    };
    SnapshotResponse: {
      /** Format: date-time */
      created_at: string;
      /** @description The element as it was at the change. */
      data: {
        [key: string]: unknown;
      };
      /** @enum {string} */
      element: 'group' | 'event' | 'rsvp';
      /** Format: uuid */
      element_id: string;
      /** @enum {string} */
      trigger: 'create' | 'update' | 'delete';
    };
    TargetBindingResponse: {
      /** @example slack */
      kind: string;
      /** @description Secret settings masked. */
      settings: {
        [key: string]: unknown;
      };
    };
    TargetDto: {
      /** @example slack */
      kind: string;
      settings: {
        [key: string]: unknown;
      };
    };
    TargetResponse: {
      /** @example notification */
      category: string;
      description: string | null;
      /** @example Slack */
      display_name: string;
      docs_url: string | null;
      /** @example slack */
      kind: string;
      settings: components['schemas']['SettingFieldResponse'][];
      supports: components['schemas']['TargetSupportsResponse'] | null;
    };
    TargetsResponse: {
      items: components['schemas']['TargetResponse'][];
    };
    TargetSupportsResponse: {
      elements?: string[];
      triggers?: string[];
    };
    TestAttemptResponse: {
      /** @example 182 */
      duration_ms: number | null;
      /**
       * @description Why no answer came (timeout, connection refused, SSRF refusal, a template error).
       * @example null
       */
      error: string | null;
      /**
       * @description `retry`: the delivery stays pending and follows the retry schedule like any other.
       * @example delivered
       * @enum {string}
       */
      outcome: 'delivered' | 'retry' | 'dead';
      /**
       * @description Truncated to 4 KiB.
       * @example {"ok":true}
       */
      response_body: string | null;
      /**
       * @description Absent when no answer came.
       * @example {
       *       "content-type": "application/json"
       *     }
       */
      response_headers?: {
        [key: string]: string;
      };
      /**
       * @description null when no answer came.
       * @example 200
       */
      response_status: number | null;
    };
    TestDeliveryQueuedResponse: {
      /**
       * @description Always null: not attempted yet.
       * @example null
       */
      attempt: unknown;
      /**
       * Format: uuid
       * @example 0b6f7c1e-2d3a-4b5c-9d8e-7f6a5b4c3d2e
       */
      delivery_id: string;
      /**
       * @example pending
       * @enum {string}
       */
      status: 'pending';
    };
    TestDeliveryResponse: {
      /** @description null only when the delivery was cancelled before the relay attempted it. */
      attempt: components['schemas']['TestAttemptResponse'] | null;
      /**
       * Format: uuid
       * @example 0b6f7c1e-2d3a-4b5c-9d8e-7f6a5b4c3d2e
       */
      delivery_id: string;
      /**
       * @description The delivery’s status after the attempt; `pending` when it will be retried.
       * @example delivered
       * @enum {string}
       */
      status: 'pending' | 'delivered' | 'dead' | 'cancelled';
    };
    TestWebhookDto: {
      /**
       * Format: uuid
       * @description Send this element’s current data (of the webhook’s element type); sample data when absent. For a `delete` webhook the data is `{id}` and the element is not looked up (it is usually gone).
       * @example c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f
       */
      element_id?: string;
    };
    TriggerVerdictsResponse: {
      create: components['schemas']['FiringVerdictResponse'];
      delete: components['schemas']['FiringVerdictResponse'];
      update: components['schemas']['FiringVerdictResponse'];
    };
    UpdateEventDto: {
      dates?: components['schemas']['EventDateDto'][];
      /** Format: uuid */
      group_id?: string | null;
      rsvp_enabled?: boolean;
      /** @enum {string} */
      status?: 'draft' | 'published';
      /** @example Spring meetup */
      title?: string;
      /** @example https://example.com/events/spring */
      url?: string | null;
    };
    UpdateGroupDto: {
      description?: string | null;
      /** @example Berlin meetups */
      name?: string;
    };
    UpdateRsvpDto: {
      /** @example ada@example.com */
      email?: string;
      /**
       * @example {
       *       "diet": "vegan"
       *     }
       */
      fields?: {
        [key: string]: unknown;
      };
      /** @example Ada Lovelace */
      name?: string;
      seats?: number;
      /** @enum {string} */
      status?: 'yes' | 'maybe' | 'no';
    };
    UpdateWebhookDto: {
      body?: components['schemas']['BodyPairDto'][];
      /** @enum {string} */
      element?: 'group' | 'event' | 'rsvp';
      /**
       * @description Conditions that must all hold for a change to give this webhook a job (decided in the change’s transaction). Replaces the list; null or [] removes it.
       * @example [
       *       {
       *         "field": "status",
       *         "op": "eq",
       *         "value": "yes"
       *       },
       *       {
       *         "field": "event.status",
       *         "op": "eq",
       *         "value": "published"
       *       }
       *     ]
       */
      filter?: components['schemas']['FilterConditionDto'][];
      /** @description Replaces the list; a masked secret sent back unchanged keeps it. */
      headers?: components['schemas']['HeaderDto'][];
      include_element_data?: boolean;
      /**
       * @description The request method.
       * @enum {string}
       */
      method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      /** @example RSVPs to CRM */
      name?: string;
      /**
       * @description `none`: deliveries go out in parallel. `per_element`: one element's deliveries go out one at a time in commit order, each after the previous is delivered, dead or cancelled, across all `per_element` webhooks of the account with the same destination origin (a mirror's delete never overtakes its create); other elements are not held up.
       * @enum {string}
       */
      ordering?: 'none' | 'per_element';
      /**
       * @description Most requests per second to this webhook, across all relays; null: no limit. null clears it.
       * @example 10
       */
      rate_limit?: number | null;
      /**
       * @description Overrides the global schedule.
       * @example 0,5s,5m,2h
       */
      retry_schedule?: string | null;
      /**
       * @description `active` clears disabled_reason and wakes relays.
       * @enum {string}
       */
      status?: 'active' | 'disabled';
      /** @description null removes the binding. New settings (or a new kind) prefill again the fields that still hold what the plugin prefilled before; fields you changed stay as they are. */
      target?: components['schemas']['TargetDto'] | null;
      /** @enum {string} */
      trigger?: 'create' | 'update' | 'delete';
      /**
       * @description http(s); may contain variables.
       * @example https://crm.example.com/contacts/{{id}}
       */
      url?: string;
    };
    VariableResponse: {
      /** @example Start (ISO 8601); of the first item of event.dates ([0] is the first, …) */
      description: string;
      /**
       * @description An example value (any JSON).
       * @example 2025-06-12T18:00:00.000Z
       */
      example: unknown;
      /** @example event.dates[0].start */
      name: string;
      /**
       * @example string
       * @enum {string}
       */
      type: 'string' | 'number' | 'boolean' | 'array' | 'object';
    };
    VariablesResponse: {
      /** @enum {string} */
      element: 'group' | 'event' | 'rsvp';
      /**
       * @description The `target` asked for.
       * @example wordpress
       */
      target: string | null;
      /** @enum {string} */
      trigger: 'create' | 'update' | 'delete';
      /**
       * @example [
       *       {
       *         "description": "Email address of the person",
       *         "example": "ada@example.com",
       *         "name": "email",
       *         "type": "string"
       *       },
       *       {
       *         "description": "Event title",
       *         "example": "TypeScript 6 launch party",
       *         "name": "event.title",
       *         "type": "string"
       *       },
       *       {
       *         "description": "Group name",
       *         "example": "Amsterdam TypeScript Meetup",
       *         "name": "group.name",
       *         "type": "string"
       *       },
       *       {
       *         "description": "Site URL",
       *         "example": "https://blog.example.com",
       *         "name": "settings.site_url",
       *         "type": "string"
       *       }
       *     ]
       */
      variables: components['schemas']['VariableResponse'][];
    };
    WebhookFiringResponse: {
      /** @description Would it fire now, for each trigger. */
      fires: components['schemas']['TriggerVerdictsResponse'];
      /** Format: uuid */
      id: string;
      /** @example Sign-ups to CRM */
      name: string;
      /** @enum {string} */
      status: 'active' | 'disabled';
      /** @enum {string} */
      trigger: 'create' | 'update' | 'delete';
    };
    WebhookResponse: {
      body: components['schemas']['BodyPairResponse'][];
      /** Format: date-time */
      created_at: string;
      /** @description The origin the URL sends to and its delivery state. null for a webhook saved before destinations existed, until it is saved again or a relay first delivers for it. */
      destination: components['schemas']['DestinationResponse'] | null;
      /** @description Why the relay disabled it (e.g. a 410). */
      disabled_reason: string | null;
      /** @enum {string} */
      element: 'group' | 'event' | 'rsvp';
      /** @description Conditions that must all hold for a change to give this webhook a job; [] for none. */
      filter: components['schemas']['FilterConditionResponse'][];
      headers: components['schemas']['HeaderResponse'][];
      /** Format: uuid */
      id: string;
      include_element_data: boolean;
      /** @enum {string} */
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      name: string;
      /**
       * @description `per_element`: one element's deliveries to its destination go out one at a time, in commit order.
       * @enum {string}
       */
      ordering: 'none' | 'per_element';
      /**
       * Format: date-time
       * @description When the last replaced secret stops signing (the latest of retired_secrets).
       */
      previous_secret_expires_at: string | null;
      /**
       * @description Most requests per second to this webhook, across all relays; null: no limit.
       * @example 10
       */
      rate_limit: number | null;
      /** @description Secrets replaced by rotations in the last 24 h, oldest first: each still signs until it expires. */
      retired_secrets: components['schemas']['RetiredSecretResponse'][];
      retry_schedule: string | null;
      /** @enum {string} */
      status: 'active' | 'disabled';
      target: components['schemas']['TargetBindingResponse'] | null;
      /** @enum {string} */
      trigger: 'create' | 'update' | 'delete';
      /** Format: date-time */
      updated_at: string;
      url: string;
    };
    WebhookStatsResponse: {
      /**
       * @description Of those, dead (retries exhausted or refused).
       * @example 2
       */
      dead_24h: number;
      /**
       * @description Of those, delivered.
       * @example 114
       */
      delivered_24h: number;
      /**
       * @description Deliveries queued in the last 24 h.
       * @example 120
       */
      deliveries_24h: number;
      /** @description The newest delivery of the webhook; null when it has none. */
      last_delivery: components['schemas']['LastDeliveryResponse'] | null;
      /**
       * @description delivered / (delivered + dead) of the last 24 h, from 0 to 1. Pending and cancelled deliveries do not count; null when none of them has finished.
       * @example 0.9828
       */
      success_rate_24h: number | null;
    };
    WebhookWithSecretResponse: {
      body: components['schemas']['BodyPairResponse'][];
      /** Format: date-time */
      created_at: string;
      /** @description The origin the URL sends to and its delivery state. null for a webhook saved before destinations existed, until it is saved again or a relay first delivers for it. */
      destination: components['schemas']['DestinationResponse'] | null;
      /** @description Why the relay disabled it (e.g. a 410). */
      disabled_reason: string | null;
      /** @enum {string} */
      element: 'group' | 'event' | 'rsvp';
      /** @description Conditions that must all hold for a change to give this webhook a job; [] for none. */
      filter: components['schemas']['FilterConditionResponse'][];
      headers: components['schemas']['HeaderResponse'][];
      /** Format: uuid */
      id: string;
      include_element_data: boolean;
      /** @enum {string} */
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      name: string;
      /**
       * @description `per_element`: one element's deliveries to its destination go out one at a time, in commit order.
       * @enum {string}
       */
      ordering: 'none' | 'per_element';
      /**
       * Format: date-time
       * @description When the last replaced secret stops signing (the latest of retired_secrets).
       */
      previous_secret_expires_at: string | null;
      /**
       * @description Most requests per second to this webhook, across all relays; null: no limit.
       * @example 10
       */
      rate_limit: number | null;
      /** @description Secrets replaced by rotations in the last 24 h, oldest first: each still signs until it expires. */
      retired_secrets: components['schemas']['RetiredSecretResponse'][];
      retry_schedule: string | null;
      /**
       * @description Shown this once.
       * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
       */
      signing_secret: string;
      /** @enum {string} */
      status: 'active' | 'disabled';
      target: components['schemas']['TargetBindingResponse'] | null;
      /** @enum {string} */
      trigger: 'create' | 'update' | 'delete';
      /** Format: date-time */
      updated_at: string;
      url: string;
    };
    WebhookWithStatsPage: {
      items: components['schemas']['WebhookWithStatsResponse'][];
      /** @description Opaque cursor of the next page; null on the last page. */
      next_cursor: string | null;
    };
    WebhookWithStatsResponse: {
      body: components['schemas']['BodyPairResponse'][];
      /** Format: date-time */
      created_at: string;
      /** @description The origin the URL sends to and its delivery state. null for a webhook saved before destinations existed, until it is saved again or a relay first delivers for it. */
      destination: components['schemas']['DestinationResponse'] | null;
      /** @description Why the relay disabled it (e.g. a 410). */
      disabled_reason: string | null;
      /** @enum {string} */
      element: 'group' | 'event' | 'rsvp';
      /** @description Conditions that must all hold for a change to give this webhook a job; [] for none. */
      filter: components['schemas']['FilterConditionResponse'][];
      headers: components['schemas']['HeaderResponse'][];
      /** Format: uuid */
      id: string;
      include_element_data: boolean;
      /** @enum {string} */
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      name: string;
      /**
       * @description `per_element`: one element's deliveries to its destination go out one at a time, in commit order.
       * @enum {string}
       */
      ordering: 'none' | 'per_element';
      /**
       * Format: date-time
       * @description When the last replaced secret stops signing (the latest of retired_secrets).
       */
      previous_secret_expires_at: string | null;
      /**
       * @description Most requests per second to this webhook, across all relays; null: no limit.
       * @example 10
       */
      rate_limit: number | null;
      /** @description Secrets replaced by rotations in the last 24 h, oldest first: each still signs until it expires. */
      retired_secrets: components['schemas']['RetiredSecretResponse'][];
      retry_schedule: string | null;
      stats: components['schemas']['WebhookStatsResponse'];
      /** @enum {string} */
      status: 'active' | 'disabled';
      target: components['schemas']['TargetBindingResponse'] | null;
      /** @enum {string} */
      trigger: 'create' | 'update' | 'delete';
      /** Format: date-time */
      updated_at: string;
      url: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  HealthController_check: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthResponse'];
        };
      };
      /** @description The database is not reachable. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  ApiKeysController_list: {
    parameters: {
      query?: {
        /** @description Opaque cursor from `next_cursor` of the previous page. */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiKeyPage'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  ApiKeysController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedApiKeyResponse'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Authenticated by the session cookie without a matching X-CSRF-Token header */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  ApiKeysController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked (also when it already was). */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Authenticated by the session cookie without a matching X-CSRF-Token header */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description The account’s last active key. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  ConsoleLinksController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConsoleLinkResponse'];
        };
      };
      /** @description Missing or unknown API key or session */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Authenticated by the session cookie without a matching X-CSRF-Token header */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  ConsoleSessionsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConsoleSessionResponse'];
        };
      };
      /** @description No valid credential of the kind the route takes */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  ConsoleSessionsController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Signed out: the session is deleted and the cookie cleared. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid credential of the kind the route takes */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Authenticated by the session cookie without a matching X-CSRF-Token header */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  ConsoleSessionsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          /** @description hookrelay_session=<token>; HttpOnly; SameSite=Strict; Path=/ (and Secure over https) */
          'Set-Cookie'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConsoleSessionResponse'];
        };
      };
      /** @description No valid credential of the kind the route takes */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  DeliveriesController_listForAccount: {
    parameters: {
      query?: {
        /** @description Opaque cursor from `next_cursor` of the previous page. */
        cursor?: string;
        /** @description Only changes of this element type. */
        element?: 'group' | 'event' | 'rsvp';
        /** @description Only changes of this element (of any type unless `element` is given). */
        element_id?: string;
        limit?: number;
        /** @description Created at or after this instant. */
        since?: string;
        status?: 'pending' | 'delivered' | 'dead' | 'cancelled';
        /** @description Created before this instant; after `since`. */
        until?: string;
        /** @description Only this webhook’s deliveries. */
        webhook_id?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeliveryPage'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description `webhook_id` is not a webhook of the account. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  DeliveriesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeliveryDetailResponse'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  DeliveriesController_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeliveryResponse'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Authenticated by the session cookie without a matching X-CSRF-Token header */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description The delivery is not pending. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  DeliveriesController_retry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeliveryResponse'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Authenticated by the session cookie without a matching X-CSRF-Token header */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  DeliveriesController_cancelMany: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BulkCancelDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkCancelResponse'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Authenticated by the session cookie without a matching X-CSRF-Token header */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description `webhook_id` is not a webhook of the account. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  ActivityController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        element: 'group' | 'event' | 'rsvp';
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ActivityResponse'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  EventsController_list: {
    parameters: {
      query?: {
        /** @description Opaque cursor from `next_cursor` of the previous page. */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventPage'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  EventsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateEventDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventResponse'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Authenticated by the session cookie without a matching X-CSRF-Token header */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  RsvpsController_list: {
    parameters: {
      query?: {
        /** @description Opaque cursor from `next_cursor` of the previous page. */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        eventId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RsvpPage'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  RsvpsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        eventId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateRsvpDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RsvpResponse'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Authenticated by the session cookie without a matching X-CSRF-Token header */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  EventsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventResponse'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  EventsController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Authenticated by the session cookie without a matching X-CSRF-Token header */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  EventsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateEventDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventResponse'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Authenticated by the session cookie without a matching X-CSRF-Token header */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  GroupsController_list: {
    parameters: {
      query?: {
        /** @description Opaque cursor from `next_cursor` of the previous page. */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupPage'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  GroupsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateGroupDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupResponse'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Authenticated by the session cookie without a matching X-CSRF-Token header */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  GroupsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupResponse'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  GroupsController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Authenticated by the session cookie without a matching X-CSRF-Token header */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  GroupsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateGroupDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupResponse'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Authenticated by the session cookie without a matching X-CSRF-Token header */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  RsvpsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RsvpResponse'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  RsvpsController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Authenticated by the session cookie without a matching X-CSRF-Token header */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  RsvpsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateRsvpDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RsvpResponse'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Authenticated by the session cookie without a matching X-CSRF-Token header */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  TargetsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TargetsResponse'];
        };
      };
    };
  };
  VariablesController_list: {
    parameters: {
      query: {
        element: 'group' | 'event' | 'rsvp';
        /** @description A target plugin kind (see GET /v1/targets): also lists its settings as `settings.<key>`, described from its settings schema (never a webhook’s values). An unknown kind is a 400 naming `target`. */
        target?: string;
        trigger: 'create' | 'update' | 'delete';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VariablesResponse'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  WebhooksController_list: {
    parameters: {
      query?: {
        /** @description Opaque cursor from `next_cursor` of the previous page. */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookWithStatsPage'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  WebhooksController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateWebhookDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookWithSecretResponse'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Authenticated by the session cookie without a matching X-CSRF-Token header */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  WebhooksController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookWithStatsResponse'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  WebhooksController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted, with its deliveries. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Authenticated by the session cookie without a matching X-CSRF-Token header */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  WebhooksController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateWebhookDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookResponse'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Authenticated by the session cookie without a matching X-CSRF-Token header */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  WebhooksController_preview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PreviewWebhookDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PreviewResponse'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Authenticated by the session cookie without a matching X-CSRF-Token header */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  WebhooksController_rotateSecret: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookWithSecretResponse'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Authenticated by the session cookie without a matching X-CSRF-Token header */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  WebhooksController_test: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['TestWebhookDto'];
      };
    };
    responses: {
      /** @description The relay attempted it: the attempt’s result. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TestDeliveryResponse'];
        };
      };
      /** @description Queued, not attempted within the wait (HOOKRELAY_TEST_DELIVERY_WAIT); see the delivery log. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TestDeliveryQueuedResponse'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Authenticated by the session cookie without a matching X-CSRF-Token header */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such webhook, or no element `element_id` of its element type, in this account. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description The webhook is disabled. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  DeliveriesController_list: {
    parameters: {
      query?: {
        /** @description Opaque cursor from `next_cursor` of the previous page. */
        cursor?: string;
        limit?: number;
        status?: 'pending' | 'delivered' | 'dead' | 'cancelled';
      };
      header?: never;
      path: {
        webhookId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeliveryPage'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  DeliveriesController_replay: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        webhookId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReplayDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReplayResponse'];
        };
      };
      /** @description Invalid input (problem+json with `errors`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Missing or unknown API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Authenticated by the session cookie without a matching X-CSRF-Token header */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No such resource in this account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
}
