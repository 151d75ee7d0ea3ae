import 'reflect-metadata';
import { AppError, loadEnvFile } from '@app/core';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module';

async function main(): Promise<void> {
  loadEnvFile();
  await CommandFactory.run(CliModule, {
    logger: ['error', 'warn'],
    errorHandler: (err) => {
      console.error(err instanceof AppError ? `${err.code}: ${err.message}` : err.message);
      process.exit(1);
    },
    serviceErrorHandler: (err) => {
      console.error(err instanceof AppError ? `${err.code}: ${err.message}` : err.message);
      process.exit(1);
    },
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
