import { DeliveryEntity, ElementSnapshotEntity } from '@hookrelay/db';
import { EntityManager, SelectQueryBuilder } from 'typeorm';

/** What a delivery delivers, as its snapshot records it; every delivery answer carries it. */
export type DeliveryChange = Pick<ElementSnapshotEntity, 'element' | 'elementId' | 'trigger'>;

export type DeliveryWithChange = DeliveryEntity & { change: DeliveryChange };

/**
 * The account's deliveries (alias `d`) joined to their snapshots (alias `s`) for the change. The snapshot's
 * `data` is left out: a page of deliveries should not read every payload.
 */
export function selectDeliveries(
  manager: EntityManager,
  accountId: string,
): SelectQueryBuilder<DeliveryWithChange> {
  return manager
    .createQueryBuilder<DeliveryWithChange>(DeliveryEntity, 'd')
    .innerJoinAndMapOne(
      'd.change',
      ElementSnapshotEntity,
      's',
      's.id = d.snapshot_id AND s.account_id = d.account_id',
    )
    .select(['d', 's.id', 's.element', 's.elementId', 's.trigger'])
    .where('d.account_id = :accountId', { accountId });
}

/** One of the account's deliveries with its change, or null. */
export function findDelivery(
  manager: EntityManager,
  accountId: string,
  id: string,
): Promise<DeliveryWithChange | null> {
  return selectDeliveries(manager, accountId).andWhere('d.id = :id', { id }).getOne();
}
