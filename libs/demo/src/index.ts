export * from './demo.module';
export * from './demo-seeder';
export * from './seed-demo';
export { DEMO_LOGINS, DEMO_PASSWORD, DEMO_THREADS, DEMO_USERS } from './data/demo-data';
export * from './data/demo-types';
