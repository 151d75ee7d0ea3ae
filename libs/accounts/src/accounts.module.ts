import { AppConfig } from '@app/core';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsResolver } from './accounts.resolver';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { RateLimitGuard } from './auth/rate-limit.guard';
import { PasswordHasher } from './auth/password-hasher';
import { RequestContextFactory } from './auth/request-context.factory';
import { UserEntity } from './entities/user.entity';
import { UsersService } from './users.service';
import { DisplayNamePolicy } from './display-name.policy';
import { TokenRevocations } from './auth/token-revocations';
import { OfficialBadgeHooks } from './official-badge.hooks';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.get('JWT_SECRET') }),
    }),
  ],
  providers: [
    AccountsResolver,
    AuthService,
    PasswordHasher,
    UsersService,
    OfficialBadgeHooks,
    AuthGuard,
    RateLimitGuard,
    RequestContextFactory,
    DisplayNamePolicy,
    TokenRevocations,
  ],
  exports: [
    OfficialBadgeHooks,
    DisplayNamePolicy,
    TokenRevocations,
    UsersService,
    AuthService,
    AuthGuard,
    RateLimitGuard,
    RequestContextFactory,
    TypeOrmModule,
  ],
})
export class AccountsModule {}
