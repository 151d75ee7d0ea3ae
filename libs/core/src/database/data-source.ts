// DataSource for the TypeORM CLI (migration:generate) and the admin CLI's migrate command.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { parseEnv } from '../config/env.schema';
import { databaseOptions } from './database-options';

export function createDataSource(env = parseEnv(process.env)): DataSource {
  return new DataSource(databaseOptions(env));
}

export default createDataSource();
