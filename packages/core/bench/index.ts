/**
 * Core benchmark: renders per second for a typical RSVP webhook. Bounded in time (a few seconds);
 * single-threaded.
 * Run: npm run bench -w @hookrelay/core
 */
import { randomUUID } from 'node:crypto';
import { renderRequest, sampleElement, type WebhookDefinition } from '../src/index';

function measure(label: string, seconds: number, step: () => void): number {
  for (let i = 0; i < 2_000; i++) step(); // warm-up (JIT, template cache)
  let count = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 500; i++) step();
    count += 500;
  }
  const perSecond = count / ((performance.now() - start) / 1000);
  console.log(`${label}: ${Math.round(perSecond).toLocaleString('en-US')}/s`);
  return perSecond;
}

function benchRender(): void {
  const webhook: WebhookDefinition = {
    id: randomUUID(),
    accountId: 'acc',
    name: 'RSVPs to CRM',
    status: 'active',
    trigger: 'create',
    element: 'rsvp',
    method: 'POST',
    url: 'https://crm.example.com/hooks/rsvp',
    headers: [
      { key: 'Authorization', value: 'Bearer 0123456789abcdef', secret: true },
      { key: 'X-Delivery-Id', value: '{{ delivery.id }}' },
    ],
    body: [
      { key: 'email', value: '{{ email }}' },
      { key: 'name', value: '{{ name | upcase }}' },
      { key: 'seats', value: '{{ seats }}' },
      { key: 'properties.status', value: '{{ status }}' },
      { key: 'properties.event_id', value: '{{ rsvp.event_id }}' },
    ],
    includeElementData: true,
  };
  const snapshot = sampleElement('rsvp');
  const delivery = { id: randomUUID(), timestamp: new Date() };
  console.log('\nrender: RSVP webhook, 2 headers, 5 body fields (one with a filter), element_data included');
  const perSecond = measure('  renderRequest', 3, () => {
    renderRequest({ webhook, snapshot, delivery });
  });
  console.log(`  target ≥ 50,000/s: ${perSecond >= 50_000 ? 'met' : 'NOT met'}`);
}

benchRender();
