import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ApiKeyEntity } from '@hookrelay/db';
import { generateApiKey, hashApiKey, keyPrefix } from './api-keys';

const CACHE_TTL_MS = 10_000;
const CACHE_MAX_ENTRIES = 1_000;

@Injectable()
export class ApiKeysService {
  // Every request authenticates; a short cache saves a query per request. Revocation takes effect within the TTL.
  private readonly cache = new Map<string, { accountId: string; expiresAt: number }>();

  constructor(private readonly dataSource: DataSource) {}

  async findAccountId(key: string): Promise<string | undefined> {
    const keyHash = hashApiKey(key);
    const cached = this.cache.get(keyHash);
    if (cached && cached.expiresAt > Date.now()) return cached.accountId;
    const row = await this.dataSource.getRepository(ApiKeyEntity).findOne({
      select: { accountId: true },
      where: { keyHash, revokedAt: IsNull() },
    });
    if (!row) return undefined;
    if (this.cache.size >= CACHE_MAX_ENTRIES) this.cache.clear();
    this.cache.set(keyHash, { accountId: row.accountId, expiresAt: Date.now() + CACHE_TTL_MS });
    return row.accountId;
  }

  /** Stores the hash of a new key (or of `key` when given) and returns the key itself, to be shown once. */
  async issue(manager: EntityManager, accountId: string, key: string = generateApiKey()): Promise<string> {
    await manager.getRepository(ApiKeyEntity).insert({ accountId, keyHash: hashApiKey(key), prefix: keyPrefix(key) });
    return key;
  }

  async exists(manager: EntityManager, key: string): Promise<boolean> {
    return manager.getRepository(ApiKeyEntity).exists({ where: { keyHash: hashApiKey(key) } });
  }
}
