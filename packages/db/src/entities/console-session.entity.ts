import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A signed-in console browser; only the sha256 of its cookie's token is stored. */
@Entity({ name: 'console_sessions' })
export class ConsoleSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  /** The key it was opened with, directly or through a link: revoking the key ends the session. */
  @Column({ name: 'api_key_id', type: 'uuid' })
  apiKeyId!: string;

  @Column({ name: 'token_hash', type: 'text', select: false })
  tokenHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
