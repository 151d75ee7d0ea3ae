import { AccountsModule, RequestContextFactory, TokenRevocations, UsersService } from '@app/accounts';
import { AppConfig, AppErrorFilter, CoreModule, RateLimitService, countQueriesPerRequest } from '@app/core';
import { AttachmentsModule, DeskModule, ForumModule } from '@app/forum';
import { NotificationsModule } from '@app/notifications';
import { SearchModule } from '@app/search';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { graphqlOptions } from './graphql.config';
import { OpsModule } from './ops/ops.module';

@Module({
  imports: [
    CoreModule.forRoot({ migrateOutsideProduction: true }),
    AccountsModule,
    ForumModule,
    AttachmentsModule,
    SearchModule,
    NotificationsModule,
    DeskModule,
    OpsModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [AccountsModule],
      inject: [AppConfig, RequestContextFactory, UsersService, RateLimitService, TokenRevocations],
      useFactory: graphqlOptions,
    }),
  ],
  providers: [{ provide: APP_FILTER, useClass: AppErrorFilter }],
})
export class ApiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(countQueriesPerRequest).forRoutes('*path');
  }
}
