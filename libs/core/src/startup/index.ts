export * from './database-check';
export * from './port-check';
export * from './preflight';
export * from './startup-error';
export * from './startup-failure';
export * from '../config/load-env-file';
export { toError } from '../errors/error-message';
