import { INestApplicationContext } from '@nestjs/common';
import { LazyModuleLoader } from '@nestjs/core';
import { DemoSeeder, DemoSeedReport } from './demo-seeder';
import { DemoModule } from './demo.module';

/** True when the API was started with `--demo` or with SEED_DEMO=true. */
export function wantsDemoData(argv: readonly string[], seedDemoEnv: boolean | undefined): boolean {
  return argv.includes('--demo') || seedDemoEnv === true;
}

/**
 * Seeds demo data inside a running application that does not import DemoModule (the API): the
 * module is loaded lazily, so the API's module graph carries no demo code unless asked for.
 */
export async function seedDemo(app: INestApplicationContext): Promise<DemoSeedReport> {
  const moduleRef = await app.get(LazyModuleLoader).load(() => DemoModule);
  return moduleRef.get(DemoSeeder).seed();
}
