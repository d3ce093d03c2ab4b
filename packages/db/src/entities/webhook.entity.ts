import type {
  BodyPair,
  ElementType,
  FilterCondition,
  HeaderPair,
  HttpMethod,
  JsonObject,
  Ordering,
  Trigger,
  WebhookStatus,
} from '@hookrelay/core';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** As stored in `webhooks.headers`; a secret value is sealed. */
export type StoredHeader = HeaderPair;

/** One entry of `webhooks.retired_signing_secrets`: a replaced signing secret (sealed) and its end. */
export interface StoredRetiredSecret {
  secret: string;
  /** ISO 8601: it signs until then. */
  expires_at: string;
}

/** Header values marked secret and the signing secrets are stored sealed (core secret box). */
@Entity({ name: 'webhooks' })
export class WebhookEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  status!: WebhookStatus;

  @Column({ name: 'disabled_reason', type: 'text', nullable: true })
  disabledReason!: string | null;

  @Column({ type: 'text' })
  trigger!: Trigger;

  @Column({ type: 'text' })
  element!: ElementType;

  @Column({ type: 'text' })
  method!: HttpMethod;

  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  headers!: StoredHeader[];

  @Column({ type: 'jsonb', default: () => `'[]'` })
  body!: BodyPair[];

  @Column({ name: 'include_element_data', type: 'boolean', default: true })
  includeElementData!: boolean;

  @Column({ name: 'target_kind', type: 'text', nullable: true })
  targetKind!: string | null;

  @Column({ name: 'target_settings', type: 'jsonb', nullable: true })
  targetSettings!: JsonObject | null;

  @Column({ name: 'signing_secret', type: 'text', select: false })
  signingSecret!: string;

  /** Secrets replaced in the last 24 h, sealed: each keeps signing until its `expires_at`. */
  @Column({ name: 'retired_signing_secrets', type: 'jsonb', default: () => `'[]'` })
  retiredSigningSecrets!: StoredRetiredSecret[];

  @Column({ name: 'retry_schedule', type: 'text', nullable: true })
  retrySchedule!: string | null;

  /** Conditions on the change that must all hold for a job; [] for none. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  filter!: FilterCondition[];

  /** `per_element`: one element's jobs to this destination go out one at a time, in commit order. */
  @Column({ type: 'text', default: 'none' })
  ordering!: Ordering;

  /** Most requests per second to this webhook, across all relays; null: no limit. */
  @Column({ name: 'rate_limit', type: 'integer', nullable: true })
  rateLimit!: number | null;

  /** Where its URL sends to; null until the API saves it or the relay first delivers for it. */
  @Column({ name: 'destination_id', type: 'uuid', nullable: true })
  destinationId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
