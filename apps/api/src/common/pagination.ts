import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { validationFailed } from './problem';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from `next_cursor` of the previous page.' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** null on the last page. */
  next_cursor: string | null;
}

interface CursorPosition {
  createdAt: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `created_at::text` as PostgreSQL writes it (`2026-11-27 18:39:31.123456+00`), nothing else. */
const PG_TIMESTAMPTZ =
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?([+-]\d{2})(:\d{2}){0,2}$/;

/** Only what `encodeCursor` produced: a forged text PostgreSQL would refuse must be a 400, not a 500. */
function isCursorTimestamp(text: string): boolean {
  const match = PG_TIMESTAMPTZ.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return (
    year! >= 1 &&
    date.getUTCMonth() === month! - 1 &&
    date.getUTCDate() === day &&
    hour! < 24 &&
    minute! < 60 &&
    second! < 60
  );
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [createdAt, id] = value as unknown[];
      if (
        typeof createdAt === 'string' &&
        isCursorTimestamp(createdAt) &&
        typeof id === 'string' &&
        UUID.test(id)
      ) {
        return { createdAt, id };
      }
    }
  } catch {
    // fall through to the 400 below
  }
  throw validationFailed([{ field: 'cursor', message: 'is not a cursor returned by this list' }]);
}

/**
 * Newest first, keyset-paginated over (created_at, id). created_at is carried as text so the
 * microseconds survive the round trip (a JS Date would cut them and skip or repeat rows).
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  page: PageQuery,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const alias = query.alias;
  const limit = page.limit ?? DEFAULT_PAGE_SIZE;
  if (page.cursor !== undefined) {
    const position = decodeCursor(page.cursor);
    query.andWhere(`(${alias}.created_at, ${alias}.id) < (:cursorCreatedAt::timestamptz, :cursorId::uuid)`, {
      cursorCreatedAt: position.createdAt,
      cursorId: position.id,
    });
  }
  query
    .addSelect(`${alias}.created_at::text`, 'cursor_created_at')
    .orderBy(`${alias}.created_at`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(limit + 1);
  const { entities, raw } = await query.getRawAndEntities<{ cursor_created_at: string }>();
  const items = entities.slice(0, limit);
  const last = items[items.length - 1];
  const lastRaw = raw[items.length - 1];
  const nextCursor =
    entities.length > limit && last && lastRaw
      ? encodeCursor({ createdAt: lastRaw.cursor_created_at, id: (last as unknown as { id: string }).id })
      : null;
  return { items, nextCursor };
}

export function toPage<E, R>(
  result: { items: E[]; nextCursor: string | null },
  present: (e: E) => R,
): Page<R> {
  return { items: result.items.map(present), next_cursor: result.nextCursor };
}
