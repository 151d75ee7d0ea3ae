import { DemoSeeder, describeDemoSeed } from '@app/demo';
import { Command, CommandRunner } from 'nest-commander';

@Command({
  name: 'seed',
  description: 'Create the demo community (users, ~40 threads); idempotent, refused in production',
})
export class SeedCommand extends CommandRunner {
  constructor(private readonly seeder: DemoSeeder) {
    super();
  }

  async run(): Promise<void> {
    const report = await this.seeder.seed();
    for (const line of describeDemoSeed(report)) console.log(line);
  }
}
