import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { SearchHealth, SearchHealthService } from './search-health.service';

@Controller('health')
export class SearchHealthController {
  constructor(private readonly health: SearchHealthService) {}

  /** 200 while Meilisearch answers, 503 otherwise; the body tells how far the index lags (outbox). */
  @Get('search')
  async search(@Res({ passthrough: true }) res: Response): Promise<SearchHealth> {
    const health = await this.health.check();
    res.status(health.ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return health;
  }
}
