import { AppConfig, parseDatabaseUrl } from '@app/core';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { MeiliSearch } from 'meilisearch';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmbeddedMeili, startEmbeddedMeilisearch } from './embedded-meilisearch';
import { createMeiliClient } from './meili-client';

/** Written next to the embedded server's data so other local processes (CLI, worker) can share it. */
interface ServerFile {
  url: string;
  pid: number;
}

/**
 * The Meilisearch server this process talks to. With MEILI_URL set, that server; without it (development
 * and tests), the embedded server under MEILI_DATA_DIR (by default one folder per database, see
 * embeddedDataDir): attached to when another local process already
 * runs it, started otherwise (and then stopped on shutdown). Connected on first use, so a process that
 * never searches (the CLI's migrate) starts nothing.
 */
@Injectable()
export class MeiliConnection implements OnApplicationShutdown {
  private readonly logger = new Logger('Meilisearch');
  private connecting: Promise<MeiliSearch> | null = null;
  private embedded: { server: EmbeddedMeili; file: string } | null = null;

  constructor(private readonly config: AppConfig) {}

  client(): Promise<MeiliSearch> {
    this.connecting ??= this.connect().catch((err: unknown) => {
      this.connecting = null; // e.g. the embedded server failed to start: try again next time
      throw err;
    });
    return this.connecting;
  }

  private async connect(): Promise<MeiliSearch> {
    const timeout = this.config.get('MEILI_TIMEOUT_MS');
    const url = this.config.get('MEILI_URL');
    if (url) return createMeiliClient(url, this.config.get('MEILI_MASTER_KEY'), timeout);

    const dataDir = path.resolve(
      embeddedDataDir(this.config.get('MEILI_DATA_DIR'), this.config.get('DATABASE_URL')),
    );
    const file = path.join(dataDir, 'server.json');
    const running = await this.findRunning(file, dataDir);
    if (running) {
      this.logger.log(`using the embedded Meilisearch already running at ${running.url}`);
      return createMeiliClient(running.url, running.key, timeout);
    }
    const server = await startEmbeddedMeilisearch({
      dataDir,
      masterKey: this.config.get('MEILI_MASTER_KEY'),
      binary: this.config.get('MEILI_BINARY'),
      log: (output) => this.logServerOutput(output),
    });
    this.embedded = { server, file };
    fs.writeFileSync(file, JSON.stringify({ url: server.url, pid: server.pid } satisfies ServerFile));
    this.logger.log(`started the embedded Meilisearch at ${server.url} (data in ${dataDir})`);
    return createMeiliClient(server.url, server.masterKey, timeout);
  }

  private async findRunning(file: string, dataDir: string): Promise<{ url: string; key: string } | null> {
    let info: ServerFile;
    try {
      info = JSON.parse(fs.readFileSync(file, 'utf8')) as ServerFile;
      process.kill(info.pid, 0);
    } catch {
      return null; // no file, unreadable, or its process is gone
    }
    const keyFile = path.join(dataDir, 'master-key');
    const key =
      this.config.get('MEILI_MASTER_KEY') ??
      (fs.existsSync(keyFile) ? fs.readFileSync(keyFile, 'utf8').trim() : '');
    try {
      // Needs the key: proves it is our server and not a stranger that took the port.
      await createMeiliClient(info.url, key, 2000).getVersion();
      return { url: info.url, key };
    } catch {
      return null;
    }
  }

  /** The server's banner and request warnings (a 404 probe is expected) are debug noise; errors are not. */
  private logServerOutput(output: string): void {
    // eslint-disable-next-line no-control-regex
    const text = output.replace(/\u001b\[[0-9;]*m/g, '');
    if (/\bERROR\b/.test(text)) this.logger.error(text);
    else this.logger.debug(text);
  }

  async onApplicationShutdown(): Promise<void> {
    const embedded = this.embedded;
    if (!embedded) return;
    this.embedded = null;
    this.connecting = null;
    await embedded.server.stop();
    fs.rmSync(embedded.file, { force: true });
  }
}

/**
 * The embedded server's data folder: MEILI_DATA_DIR, or `.data/meili/<database name>` so that a
 * development checkout pointed at another database (a fresh demo, a restored backup) gets its own
 * indexes instead of searching the previous database's.
 */
export function embeddedDataDir(configured: string | undefined, databaseUrl: string): string {
  return configured ?? path.join('.data', 'meili', parseDatabaseUrl(databaseUrl).database);
}
