import { ApiProperty } from '@nestjs/swagger';
import { CSRF_HEADER } from '../auth/csrf';

export class ConsoleSessionResponse {
  @ApiProperty({ format: 'uuid' }) account_id!: string;
  @ApiProperty({
    example: 'kq3Jm4m1x9vH0hWlq2nV7yZ8cA5dR6tU1oP3sE4fG2w',
    description: `Send it as the ${CSRF_HEADER} header with every cookie-authenticated request other than GET, HEAD and OPTIONS.`,
  })
  csrf_token!: string;
  @ApiProperty({
    format: 'date-time',
    description: '12 h after sign-in, however much the session is used.',
  })
  expires_at!: string;
}

export class ConsoleLinkResponse {
  @ApiProperty({
    format: 'uri',
    example: 'https://hooks.example.com/console/links/Yk2yM9c0rQ1o8vJ3nF6pT4wXeS7aD5bH0gL2iK8uZ1c',
    description: 'Opens the console signed in to the account; works once, within 10 minutes.',
  })
  url!: string;
  @ApiProperty({ format: 'date-time' }) expires_at!: string;
}
