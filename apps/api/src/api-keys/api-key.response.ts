import { ApiProperty } from '@nestjs/swagger';
import { ApiKeyEntity } from '@hookrelay/db';

/** An API key as listed: never the key or its hash. */
export class ApiKeyResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'hr_Xk3v9', description: 'The first characters of the key, to recognise it.' })
  prefix!: string;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  revoked_at!: string | null;
}

export class CreatedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({
    example: 'hr_Xk3v9…',
    description: 'The key itself: shown in this answer only, store it now.',
  })
  key!: string;
}

export function toApiKeyResponse(key: ApiKeyEntity): ApiKeyResponse {
  return {
    id: key.id,
    prefix: key.prefix,
    created_at: key.createdAt.toISOString(),
    revoked_at: key.revokedAt?.toISOString() ?? null,
  };
}
