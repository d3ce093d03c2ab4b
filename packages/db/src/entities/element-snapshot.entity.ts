import type { ElementType, Trigger } from '@hookrelay/core';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An element as it was at one change (for delete: `{id}` only). */
@Entity({ name: 'element_snapshots' })
export class ElementSnapshotEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @Column({ type: 'text' })
  element!: ElementType;

  @Column({ name: 'element_id', type: 'uuid' })
  elementId!: string;

  @Column({ type: 'text' })
  trigger!: Trigger;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
