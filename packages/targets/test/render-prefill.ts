import {
  renderRequest,
  sampleElement,
  type ElementType,
  type JsonObject,
  type JsonValue,
  type Trigger,
  type WebhookDefinition,
} from '@hookrelay/core';
import type { TargetPlugin } from '../src/contract';
import { applySettingDefaults } from '../src/settings';

export const SAMPLE_DELIVERY = {
  id: '0b6f7c1e-2d3a-4b5c-9d8e-7f6a5b4c3d2e',
  timestamp: new Date('2025-03-02T16:05:01.000Z'),
};

/** The RSVP and event the per-plugin specs render (fixed here, so core's preview samples may change freely). */
export const SAMPLE_RSVP: JsonObject = {
  id: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
  event_id: '9b2c4e1a-3f5d-4a6b-8c7d-0e1f2a3b4c5d',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  status: 'yes',
  seats: 2,
  fields: { company: 'Analytical Engines Ltd', newsletter: true },
  created_at: '2025-03-01T09:30:00.000Z',
  updated_at: '2025-03-02T16:05:00.000Z',
};

export const SAMPLE_EVENT: JsonObject = {
  id: '9b2c4e1a-3f5d-4a6b-8c7d-0e1f2a3b4c5d',
  group_id: '5d0f6f2e-8a86-4c3e-9d4e-2b1f0c9a7e11',
  title: 'TypeScript 6 launch party',
  status: 'published',
  dates: [
    {
      name: 'Day 1',
      start: '2025-06-12T18:00:00.000Z',
      end: '2025-06-12T21:00:00.000Z',
      time_zone: 'Europe/Amsterdam',
      location: 'Pakhuis de Zwijger, Amsterdam',
      description: 'Doors open at 17:30',
    },
  ],
  rsvp_enabled: true,
  url: 'https://events.example.com/e/ts6-launch',
  created_at: '2025-03-01T09:30:00.000Z',
  updated_at: '2025-03-02T16:05:00.000Z',
};

export interface RenderedForTest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Parsed JSON, or undefined for GET. */
  body: JsonValue | undefined;
}

/** Prefills a webhook from the plugin and renders it with core's renderRequest, as the relay would. */
export function renderPrefill(input: {
  plugin: TargetPlugin;
  settings: JsonObject;
  element: ElementType;
  trigger: Trigger;
  snapshot?: JsonObject;
}): RenderedForTest {
  const settings = applySettingDefaults(input.plugin.settings, input.settings);
  const prefill = input.plugin.prefill({ settings, element: input.element, trigger: input.trigger });
  const webhook: WebhookDefinition = {
    id: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
    accountId: '11111111-1111-4111-8111-111111111111',
    name: `${input.plugin.displayName} preset`,
    status: 'active',
    element: input.element,
    trigger: input.trigger,
    ...prefill,
    target: { kind: input.plugin.kind, settings },
  };
  const rendered = renderRequest({
    webhook,
    snapshot: input.snapshot ?? defaultSnapshot(input.element, input.trigger),
    delivery: SAMPLE_DELIVERY,
    settings,
  });
  return {
    ...rendered,
    body: rendered.body === undefined ? undefined : (JSON.parse(rendered.body) as JsonValue),
  };
}

function defaultSnapshot(element: ElementType, trigger: Trigger): JsonObject {
  const full = element === 'rsvp' ? SAMPLE_RSVP : element === 'event' ? SAMPLE_EVENT : sampleElement(element);
  return trigger === 'delete' ? { id: full.id ?? null } : full;
}
