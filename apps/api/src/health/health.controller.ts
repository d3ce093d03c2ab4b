import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';
import { ProblemException, problemTitle, problemType } from '../common/problem';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  async check(): Promise<{ status: 'ok'; database: 'ok' }> {
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
    return { status: 'ok', database: 'ok' };
  }
}
