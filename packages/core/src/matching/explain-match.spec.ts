import { describe, expect, it } from 'vitest';
import { explainMatch } from './explain-match';

const snapshot = { id: 'r1', status: 'no', seats: 1 };

describe('explainMatch', () => {
  it('fires for an active webhook of the trigger whose filter holds', () => {
    const webhook = { status: 'active' as const, trigger: 'create' as const, filter: [] };
    expect(explainMatch({ webhook, trigger: 'create', snapshot })).toEqual({ fires: true });
  });

  it('says why not: disabled first, then the trigger, then the failing condition with the value', () => {
    const filter = [{ field: 'status', op: 'eq' as const, value: 'yes' }];
    expect(
      explainMatch({
        webhook: { status: 'disabled', trigger: 'update', filter },
        trigger: 'create',
        snapshot,
      }),
    ).toMatchObject({ fires: false, reason: 'disabled' });
    expect(
      explainMatch({ webhook: { status: 'active', trigger: 'update', filter }, trigger: 'create', snapshot }),
    ).toEqual({ fires: false, reason: 'trigger', message: 'the webhook fires on update, not create' });
    expect(
      explainMatch({ webhook: { status: 'active', trigger: 'create', filter }, trigger: 'create', snapshot }),
    ).toEqual({
      fires: false,
      reason: 'filter',
      message: 'filter[0] status eq "yes", but status is "no"',
      condition: filter[0],
      actual: 'no',
    });
  });
});
