import type { CircuitState } from '@hookrelay/core';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * Where an account's webhooks send to (one origin), with the state the relays share about it: its circuit
 * and a pause asked for by a 429 or Retry-After. Written by the relays; the API reads it.
 */
@Entity({ name: 'destinations' })
export class DestinationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @Column({ type: 'text' })
  origin!: string;

  @Column({ type: 'text', default: 'closed' })
  circuit!: CircuitState;

  @Column({ type: 'integer', default: 0 })
  failures!: number;

  @Column({ name: 'cooldown_ms', type: 'integer', nullable: true })
  cooldownMs!: number | null;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Column({ name: 'retry_at', type: 'timestamptz', nullable: true })
  retryAt!: Date | null;

  @Column({ name: 'last_failure', type: 'text', nullable: true })
  lastFailure!: string | null;

  @Column({ name: 'paused_until', type: 'timestamptz', nullable: true })
  pausedUntil!: Date | null;

  @Column({ type: 'integer', default: 0 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
