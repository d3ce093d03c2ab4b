import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ProblemResponse } from '../common/problem.response';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';
import { ProblemException, problemTitle, problemType } from '../common/problem';
import { TargetsService } from '../targets/targets.service';

export class HealthResponse {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ enum: ['ok'] }) database!: 'ok';
  @ApiProperty({
    type: [String],
    example: ['slack', 'strapi'],
    description: 'The target plugins this process loaded; every API and relay should list the same.',
  })
  plugins!: string[];
}

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly targets: TargetsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: HealthResponse })
  @ApiServiceUnavailableResponse({ type: ProblemResponse, description: 'The database is not reachable.' })
  async check(): Promise<HealthResponse> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new ProblemException({
        type: problemType('unavailable'),
        title: problemTitle(503),
        status: 503,
        detail: 'The database is not reachable',
      });
    }
    return { status: 'ok', database: 'ok', plugins: this.targets.kinds() };
  }
}
