import { AccountsModule, RequestContextFactory } from '@app/accounts';
import { AppConfig, CoreModule, countQueriesPerRequest } from '@app/core';
import { ForumModule } from '@app/forum';
import { SearchModule } from '@app/search';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { graphqlOptions } from './graphql.config';

@Module({
  imports: [
    CoreModule.forRoot({ migrateOutsideProduction: true }),
    AccountsModule,
    ForumModule,
    SearchModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [AccountsModule],
      inject: [AppConfig, RequestContextFactory],
      useFactory: graphqlOptions,
    }),
  ],
})
export class ApiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(countQueriesPerRequest).forRoutes('*path');
  }
}
