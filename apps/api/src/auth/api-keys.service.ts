import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ApiKeyEntity } from '@hookrelay/db';
import { ApiKeyResponse, CreatedApiKeyResponse, toApiKeyResponse } from '../api-keys/api-key.response';
import { Page, PageQuery, paginate, toPage } from '../common/pagination';
import { conflict, notFound } from '../common/problem';
import { generateApiKey, hashApiKey, keyPrefix } from './api-keys';

const CACHE_TTL_MS = 10_000;
const CACHE_MAX_ENTRIES = 1_000;

/** An active key: which one it is, and its account. */
export interface ActiveKey {
  id: string;
  accountId: string;
}

@Injectable()
export class ApiKeysService {
  // Every request authenticates; a short cache saves a query per request. A revocation on this process
  // clears it at once; other processes see it within the TTL.
  private readonly cache = new Map<string, ActiveKey & { expiresAt: number }>();
  // Bumped by every revocation: a lookup that read the database before it must not fill the cache after.
  private revocations = 0;

  constructor(private readonly dataSource: DataSource) {}

  async findActiveKey(key: string): Promise<ActiveKey | undefined> {
    const keyHash = hashApiKey(key);
    const cached = this.cache.get(keyHash);
    if (cached && cached.expiresAt > Date.now()) return { id: cached.id, accountId: cached.accountId };
    const revocationsBefore = this.revocations;
    const row = await this.dataSource.getRepository(ApiKeyEntity).findOne({
      select: { id: true, accountId: true },
      where: { keyHash, revokedAt: IsNull() },
    });
    if (!row) return undefined;
    if (this.revocations === revocationsBefore) {
      if (this.cache.size >= CACHE_MAX_ENTRIES) this.cache.clear();
      this.cache.set(keyHash, { id: row.id, accountId: row.accountId, expiresAt: Date.now() + CACHE_TTL_MS });
    }
    return { id: row.id, accountId: row.accountId };
  }

  /** Stores the hash of a new key (or of `key` when given) and returns the key itself, to be shown once. */
  async issue(manager: EntityManager, accountId: string, key: string = generateApiKey()): Promise<string> {
    await manager
      .getRepository(ApiKeyEntity)
      .insert({ accountId, keyHash: hashApiKey(key), prefix: keyPrefix(key) });
    return key;
  }

  async exists(manager: EntityManager, key: string): Promise<boolean> {
    return manager.getRepository(ApiKeyEntity).exists({ where: { keyHash: hashApiKey(key) } });
  }

  async list(accountId: string, page: PageQuery): Promise<Page<ApiKeyResponse>> {
    const query = this.dataSource
      .getRepository(ApiKeyEntity)
      .createQueryBuilder('k')
      .where('k.account_id = :accountId', { accountId });
    return toPage(await paginate(query, page), toApiKeyResponse);
  }

  async create(accountId: string): Promise<CreatedApiKeyResponse> {
    const key = generateApiKey();
    const repository = this.dataSource.getRepository(ApiKeyEntity);
    const saved = await repository.save(
      repository.create({ accountId, keyHash: hashApiKey(key), prefix: keyPrefix(key) }),
    );
    return { ...toApiKeyResponse(saved), key };
  }

  /**
   * Revokes one key of the account (idempotent). The account's last active key is refused with 409: with
   * none left, only the CLI could let the account back in. The active keys are locked so that two
   * concurrent revocations cannot both pass that check.
   */
  async revoke(accountId: string, id: string): Promise<void> {
    const keyHash = await this.dataSource.transaction(async (manager) => {
      const active: { id: string }[] = await manager.query(
        `SELECT id FROM api_keys WHERE account_id = $1 AND revoked_at IS NULL ORDER BY id FOR UPDATE`,
        [accountId],
      );
      const key = await manager
        .getRepository(ApiKeyEntity)
        .createQueryBuilder('k')
        .addSelect('k.keyHash')
        .where('k.id = :id AND k.account_id = :accountId', { id, accountId })
        .getOne();
      if (!key) throw notFound('API key');
      if (key.revokedAt) return key.keyHash;
      if (active.length === 1 && active[0]?.id === id) {
        throw conflict('This is the account’s last active API key: create another one before revoking it');
      }
      await manager.getRepository(ApiKeyEntity).update({ id, accountId }, { revokedAt: () => 'now()' });
      return key.keyHash;
    });
    this.revocations += 1;
    this.cache.delete(keyHash);
  }
}
