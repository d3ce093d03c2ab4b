import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { notFound } from '../common/problem';

/** Loads one row of the account, locked for the rest of the transaction; 404 when absent or foreign. */
export async function findForUpdate<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  where: { id: string; accountId: string },
  what: string,
): Promise<E> {
  const row = await manager.getRepository(entity).findOne({
    where: where as never,
    lock: { mode: 'pessimistic_write' },
  });
  if (!row) throw notFound(what);
  return row;
}

/** Deletes one row of the account; 404 when absent or foreign. */
export async function deleteScoped(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  where: { id: string; accountId: string },
  what: string,
): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .delete()
    .from(entity)
    .where('id = :id AND account_id = :accountId', where)
    .execute();
  if (!result.affected) throw notFound(what);
}
