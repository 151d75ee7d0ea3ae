import { Role, UsersService } from '@app/accounts';
import { AppError } from '@app/core';
import { Command, CommandRunner, Option } from 'nest-commander';

@Command({
  name: 'user:role',
  arguments: '<handle> <role>',
  description: 'Set a user role: MEMBER, MODERATOR or ADMIN',
})
export class UserRoleCommand extends CommandRunner {
  constructor(private readonly users: UsersService) {
    super();
  }

  async run([handle, roleArg]: string[]): Promise<void> {
    const role = roleArg?.toUpperCase() as Role;
    if (!Object.values(Role).includes(role))
      throw AppError.badInput(`Unknown role ${roleArg}; use MEMBER, MODERATOR or ADMIN`);
    const user = await this.users.getByHandle(handle);
    await this.users.setRole('system', user.id, role);
    console.log(`${user.handle} is now ${role}`);
  }
}

@Command({
  name: 'user:official',
  arguments: '<handle>',
  description: 'Grant an official badge with a label (or --revoke it)',
})
export class UserOfficialCommand extends CommandRunner {
  constructor(private readonly users: UsersService) {
    super();
  }

  async run(
    [handle]: string[],
    options: { label?: string; revoke?: boolean; displayName?: string },
  ): Promise<void> {
    const user = await this.users.getByHandle(handle);
    if (options.revoke) {
      await this.users.revokeOfficialBadge('system', user.id);
      console.log(`${user.handle} is no longer an official account`);
      return;
    }
    if (!options.label) throw AppError.badInput('Give the badge label with --label <text>');
    const updated = await this.users.grantOfficialBadge('system', user.id, options.label, {
      displayName: options.displayName,
    });
    console.log(`${updated.handle} (${updated.displayName}) is now official: ${updated.officialLabel}`);
  }

  @Option({
    flags: '--display-name <text>',
    description: 'Also rename the account, e.g. 支付宝官方客服 (members cannot choose such names)',
  })
  parseDisplayName(value: string): string {
    return value;
  }

  @Option({ flags: '--label <text>', description: 'Badge label, e.g. 支付宝官方客服' })
  parseLabel(value: string): string {
    return value;
  }

  @Option({ flags: '--revoke', description: 'Remove the official badge' })
  parseRevoke(): boolean {
    return true;
  }
}
