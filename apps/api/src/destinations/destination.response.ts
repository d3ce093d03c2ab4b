import { ApiProperty } from '@nestjs/swagger';
import { CIRCUIT_STATES } from '@hookrelay/core';
import type { CircuitState } from '@hookrelay/core';

/** Where a webhook sends to, and how the relays see that destination now. */
export class DestinationResponse {
  @ApiProperty({
    example: 'https://cms.example.com',
    description:
      'Scheme, host and port of the URL. Webhooks of the account with the same origin share this state.',
  })
  origin!: string;

  @ApiProperty({
    enum: CIRCUIT_STATES,
    description:
      'closed: deliveries flow; open: repeated timeouts or connection failures, deliveries wait without ' +
      'spending attempts until a probe gets an answer; half_open: the probe is under way',
  })
  circuit!: CircuitState;

  @ApiProperty({ type: 'integer', description: 'Timeouts and connection failures in a row.', example: 0 })
  failures!: number;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the circuit opened; null while closed.',
  })
  opened_at!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'While the circuit is open: when the next probe may go.',
  })
  next_probe_at!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'a 429 or Retry-After from the destination: nothing is sent to it before this',
  })
  paused_until!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'connect ETIMEDOUT',
    description: 'The last timeout or connection failure.',
  })
  last_failure!: string | null;
}
