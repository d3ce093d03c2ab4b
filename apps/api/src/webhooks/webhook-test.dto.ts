import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class TestWebhookDto {
  @ApiPropertyOptional({
    format: 'uuid',
    example: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
    description:
      'Send this element’s current data (of the webhook’s element type); sample data when absent. For a ' +
      '`delete` webhook the data is `{id}` and the element is not looked up (it is usually gone).',
  })
  @IsOptional()
  @IsUUID()
  element_id?: string;
}
