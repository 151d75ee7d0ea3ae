import { Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { AppError } from './app-error';

/**
 * Expected failures (bad input, missing rights) go straight to the GraphQL error formatter instead
 * of being logged as server errors with a stack trace by Nest's default handler.
 */
@Catch(AppError)
export class AppErrorFilter implements GqlExceptionFilter {
  catch(error: AppError): AppError {
    return error;
  }
}
