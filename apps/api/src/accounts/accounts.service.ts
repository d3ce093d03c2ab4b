import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountEntity, ApiKeyEntity } from '@hookrelay/db';
import { ApiKeysService } from '../auth/api-keys.service';

export interface CreatedAccount {
  id: string;
  name: string;
  /** Shown once; only its hash is stored. */
  apiKey: string;
}

@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async createAccount(name: string, apiKey?: string): Promise<CreatedAccount> {
    return this.dataSource.transaction(async (manager) => {
      const account = await manager.getRepository(AccountEntity).save({ name });
      const key = await this.apiKeys.issue(manager, account.id, apiKey);
      return { id: account.id, name: account.name, apiKey: key };
    });
  }

  /**
   * Makes sure an account owns `key` (HOOKRELAY_BOOTSTRAP_API_KEY). Idempotent, also when several API
   * processes start at once: a transaction-scoped advisory lock serialises them.
   */
  async ensureBootstrapKey(key: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('hookrelay:bootstrap-key'))`);
      if (await this.apiKeys.exists(manager, key)) return;
      const account = await manager.getRepository(AccountEntity).save({ name: 'bootstrap' });
      await this.apiKeys.issue(manager, account.id, key);
    });
  }

  async countKeys(accountId: string): Promise<number> {
    return this.dataSource.getRepository(ApiKeyEntity).count({ where: { accountId } });
  }
}
