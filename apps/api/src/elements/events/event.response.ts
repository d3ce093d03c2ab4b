import { ApiProperty } from '@nestjs/swagger';
import { EVENT_STATUSES } from '@hookrelay/core';

export class EventDateResponse {
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ format: 'date-time' }) start!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) end!: string | null;
  @ApiProperty({ example: 'Europe/Berlin' }) time_zone!: string;
  @ApiProperty({ type: String, nullable: true }) location!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
}

export class EventResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) group_id!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: EVENT_STATUSES }) status!: string;
  @ApiProperty({ type: [EventDateResponse] }) dates!: EventDateResponse[];
  @ApiProperty() rsvp_enabled!: boolean;
  @ApiProperty({ type: String, nullable: true }) url!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
}
