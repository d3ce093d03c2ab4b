/**
 * Core benchmarks: renders per second for a typical RSVP webhook, and trigger matching time as the
 * number of stored webhooks grows. Bounded in time (a few seconds in all); single-threaded.
 * Run: npm run bench -w @hookrelay/core
 */
import { randomUUID } from 'node:crypto';
import {
  renderRequest,
  sampleElement,
  WebhookIndex,
  type ElementType,
  type Trigger,
  type WebhookDefinition,
} from '../src/index';

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

interface Hook {
  id: number;
  accountId: string;
  element: ElementType;
  trigger: Trigger;
  status: 'active' | 'disabled';
}

function benchMatch(total: number): void {
  const perAccount = 10;
  const accounts = total / perAccount;
  const elements: ElementType[] = ['group', 'event', 'rsvp'];
  const triggers: Trigger[] = ['create', 'update', 'delete'];
  const hooks: Hook[] = [];
  for (let i = 0; i < total; i++) {
    hooks.push({
      id: i,
      accountId: `acc-${i % accounts}`,
      element: elements[i % 3] ?? 'rsvp',
      trigger: triggers[Math.floor(i / 3) % 3] ?? 'create',
      status: i % 10 === 9 ? 'disabled' : 'active',
    });
  }
  const index = new WebhookIndex(hooks);
  const changes = Array.from({ length: 1024 }, (_, i) => ({
    accountId: `acc-${(i * 7919) % accounts}`,
    element: elements[i % 3] ?? 'rsvp',
    trigger: triggers[i % 3] ?? 'create',
    elementId: String(i),
  }));
  let i = 0;
  let matched = 0;
  const perSecond = measure(
    `  ${total.toLocaleString('en-US').padStart(7)} webhooks (${accounts.toLocaleString('en-US')} accounts)`,
    1,
    () => {
      matched += index.match(changes[i++ & 1023] ?? changes[0]!).length;
    },
  );
  console.log(
    `            → ${(1e9 / perSecond).toFixed(0)} ns per match (${matched > 0 ? 'matches found' : 'no matches!'})`,
  );
}

benchRender();
console.log('\nmatch: 10 webhooks per account, random element changes');
for (const total of [1_000, 10_000, 100_000]) benchMatch(total);
