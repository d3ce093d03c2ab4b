import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Attempt, DeliveryDetail } from '../api/types';
import { FakeApi, json } from '../../test/fake-api';
import { aWebhook } from '../../test/fixtures';
import { renderConsole } from '../../test/render-console';
import { PENDING_REFRESH_MS } from './delivery-queries';

const failed: Attempt = {
  attempt: 1,
  created_at: '2026-01-02T10:00:00.000Z',
  duration_ms: 12,
  error: null,
  outcome: 'retry',
  request: { method: 'POST', url: 'https://crm.example.com/contacts', headers: {}, body: '{}' },
  response_body: 'down',
  response_headers: {},
  response_status: 500,
};

function aDelivery(overrides: Partial<DeliveryDetail> = {}): DeliveryDetail {
  return {
    id: '5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f',
    webhook_id: aWebhook().id,
    trigger: 'create',
    element: 'rsvp',
    element_id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    snapshot_id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
    status: 'pending',
    paused: false,
    waiting_for: null,
    attempts: 1,
    last_status_code: 500,
    last_error: null,
    next_attempt_at: '2026-01-02T10:10:00.000Z',
    completed_at: null,
    created_at: '2026-01-02T10:00:00.000Z',
    updated_at: '2026-01-02T10:00:00.000Z',
    snapshot: null,
    attempts_log: [failed],
    ...overrides,
  };
}

const waitForRefresh = { timeout: PENDING_REFRESH_MS * 3 };

describe('a pending delivery', () => {
  it('shows its outcome on its page once the relay has sent it, without a reload', async () => {
    let delivery = aDelivery();
    const api = new FakeApi({ webhooks: [aWebhook()] });
    api.on('GET', '/v1/deliveries/:id', () => json(200, delivery));
    renderConsole(api, `/deliveries/${delivery.id}`);
    expect(await screen.findByText('Pending')).toBeInTheDocument();

    delivery = aDelivery({
      status: 'delivered',
      attempts: 2,
      last_status_code: 200,
      completed_at: '2026-01-02T10:01:00.000Z',
      attempts_log: [failed, { ...failed, attempt: 2, outcome: 'delivered', response_status: 200 }],
    });
    expect(await screen.findByText('Delivered', {}, waitForRefresh)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /^Attempt 2 / })).toBeInTheDocument();
  });

  it('shows its outcome in the delivery list, without a reload', async () => {
    let delivery = aDelivery();
    const api = new FakeApi({ webhooks: [aWebhook()] });
    api.on('GET', '/v1/deliveries', () => json(200, { items: [delivery], next_cursor: null }));
    renderConsole(api, '/deliveries');
    const table = await screen.findByRole('table');
    expect(await within(table).findByText('Pending')).toBeInTheDocument();

    delivery = aDelivery({ status: 'delivered', attempts: 2, last_status_code: 200 });
    expect(await within(table).findByText('Delivered', {}, waitForRefresh)).toBeInTheDocument();
  });
});

describe('a delivery held back by per-element ordering', () => {
  it('names the earlier delivery it waits for on its page, with a link to it', async () => {
    const earlier = '9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f';
    const delivery = aDelivery({ attempts: 0, attempts_log: [], waiting_for: earlier });
    const api = new FakeApi({ webhooks: [aWebhook()] });
    api.on('GET', '/v1/deliveries/:id', () => json(200, delivery));
    renderConsole(api, `/deliveries/${delivery.id}`);
    const link = await screen.findByRole('link', { name: earlier.slice(0, 8) });
    expect(link).toHaveAttribute('href', `/deliveries/${earlier}`);
    expect(screen.getByText('Waits for')).toBeInTheDocument();
  });

  it('says so in the delivery list', async () => {
    const api = new FakeApi({ webhooks: [aWebhook()] });
    const waiting = aDelivery({
      attempts: 0,
      attempts_log: [],
      waiting_for: '9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f',
    });
    api.on('GET', '/v1/deliveries', () => json(200, { items: [waiting], next_cursor: null }));
    renderConsole(api, '/deliveries');
    const table = await screen.findByRole('table');
    expect(
      await within(table).findByText('waits for an earlier delivery of this element'),
    ).toBeInTheDocument();
  });
});
