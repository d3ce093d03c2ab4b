import type { EventDate, EventStatus } from '@hookrelay/core';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'events' })
export class EventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  status!: EventStatus;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  dates!: EventDate[];

  @Column({ name: 'rsvp_enabled', type: 'boolean', default: false })
  rsvpEnabled!: boolean;

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
