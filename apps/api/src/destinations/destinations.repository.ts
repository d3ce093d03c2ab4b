import { Injectable } from '@nestjs/common';
import { DestinationEntity } from '@hookrelay/db';
import { EntityManager, In } from 'typeorm';

/** What the API shows of a destination: the state the relays write. */
export type DestinationState = Pick<
  DestinationEntity,
  'id' | 'origin' | 'circuit' | 'failures' | 'openedAt' | 'retryAt' | 'lastFailure' | 'pausedUntil'
>;

const STATE_COLUMNS: (keyof DestinationState)[] = [
  'id',
  'origin',
  'circuit',
  'failures',
  'openedAt',
  'retryAt',
  'lastFailure',
  'pausedUntil',
];

/**
 * The API's side of `destinations`: a webhook's save creates its account's destination for the URL's
 * origin; the relays own the state in it. Every statement filters by account.
 */
@Injectable()
export class DestinationsRepository {
  /**
   * The account's destination for an origin, created when new. Called in the transaction that saves the
   * webhook: DO UPDATE locks the row until commit, so the relay's pruner of unused destinations cannot
   * delete it before the webhook points at it.
   */
  async upsert(
    manager: EntityManager,
    destination: { accountId: string; origin: string },
  ): Promise<DestinationState> {
    const rows: DestinationState[] = await manager.query(
      `INSERT INTO destinations (account_id, origin) VALUES ($1, $2)
         ON CONFLICT (account_id, origin) DO UPDATE SET origin = EXCLUDED.origin
         RETURNING id, origin, circuit, failures, opened_at AS "openedAt", retry_at AS "retryAt",
                   last_failure AS "lastFailure", paused_until AS "pausedUntil"`,
      [destination.accountId, destination.origin],
    );
    const row = rows[0];
    if (!row) throw new Error('the destination upsert returned no row');
    return row;
  }

  /** The account's destinations among `ids`, by id, in one query. */
  async findByIds(
    manager: EntityManager,
    accountId: string,
    ids: readonly (string | null)[],
  ): Promise<Map<string, DestinationState>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const found = await manager.getRepository(DestinationEntity).find({
      select: STATE_COLUMNS,
      where: { accountId, id: In(wanted) },
    });
    return new Map(found.map((destination) => [destination.id, destination]));
  }
}
