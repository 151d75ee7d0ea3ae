import { AppConfig, errorMessage } from '@app/core';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AttachmentsService } from './attachments.service';

/**
 * Deletes uploads nobody attached to a post within ATTACHMENTS_ORPHAN_HOURS, every
 * ATTACHMENTS_PURGE_INTERVAL_MS (0: never), like the other background upkeep (similarity-maintenance).
 * Failures are logged and retried at the next tick.
 */
@Injectable()
export class AttachmentsMaintenance implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AttachmentsMaintenance');
  private timer: NodeJS.Timeout | null = null;
  private busy = false;

  constructor(
    private readonly service: AttachmentsService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const ms = this.config.get('ATTACHMENTS_PURGE_INTERVAL_MS');
    if (ms <= 0) return;
    this.timer = setInterval(() => void this.runOnce(), ms);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async runOnce(): Promise<number> {
    if (this.busy) return 0;
    this.busy = true;
    try {
      let total = 0;
      for (let n = await this.service.purgeOrphans(); n > 0; n = await this.service.purgeOrphans())
        total += n;
      if (total > 0) this.logger.log(`purged ${total} orphaned attachments`);
      return total;
    } catch (err) {
      this.logger.warn(`attachment purge failed: ${errorMessage(err)}`);
      return 0;
    } finally {
      this.busy = false;
    }
  }
}
