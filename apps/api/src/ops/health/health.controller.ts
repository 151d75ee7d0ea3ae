import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ReadinessChecks, ReadinessReport } from './readiness-checks';

/** Probes beside /health/search (libs/search). Not logged per request (see the logger's autoLogging). */
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessChecks) {}

  /** The process is up and its event loop answers; no dependency is touched (restart only if this fails). */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * 503 when a fatal check is down (database, migrations): the instance is useless. 200 otherwise,
   * with `status: "degraded"` and the checks named in `degraded` when something it can do without
   * is down (Meilisearch, outbox backlog, Redis). The body details each check either way.
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessReport> {
    const report = await this.readiness.report();
    res.status(report.status === 'error' ? 503 : 200);
    return report;
  }
}
