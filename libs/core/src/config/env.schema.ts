import { isIP } from 'node:net';
import { z } from 'zod';
import { parseDatabaseUrl } from '../database/database-url';
import { PUBLISHED_JWT_SECRETS, developmentJwtSecret } from './dev-secret';

/** Bytes, not characters: HS256 keys are byte strings. */
const JWT_SECRET_MIN_BYTES = 32;
const JWT_SECRET_MIN_DISTINCT = 10;

/** Why a JWT secret is unfit, or null. */
export function jwtSecretProblem(secret: string): string | null {
  if (Buffer.byteLength(secret, 'utf8') < JWT_SECRET_MIN_BYTES) {
    return `must be at least ${JWT_SECRET_MIN_BYTES} bytes (e.g. openssl rand -hex 32)`;
  }
  if (PUBLISHED_JWT_SECRETS.includes(secret)) {
    return 'is the published development secret; generate one (e.g. openssl rand -hex 32)';
  }
  if (new Set(secret).size < JWT_SECRET_MIN_DISTINCT) {
    return `looks like a placeholder (fewer than ${JWT_SECRET_MIN_DISTINCT} distinct characters); generate one (e.g. openssl rand -hex 32)`;
  }
  return null;
}

/**
 * TRUST_PROXY: `false` (no proxy), a hop count, or a comma-separated list of proxy addresses, subnets
 * (CIDR) or Express's names `loopback`, `linklocal`, `uniquelocal`. `true` (believe any
 * X-Forwarded-For) is refused: any client could then pick the address its limits are counted on.
 */
export function isTrustProxy(value: string): boolean {
  if (value === 'false') return true;
  if (/^\d+$/.test(value)) return Number(value) <= 10;
  return value.split(',').every((part) => {
    const item = part.trim();
    if (['loopback', 'linklocal', 'uniquelocal'].includes(item)) return true;
    const [address, prefix, ...rest] = item.split('/');
    return rest.length === 0 && isIP(address) !== 0 && (prefix === undefined || /^\d{1,3}$/.test(prefix));
  });
}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .url()
      .refine((u) => /^(mysql|mariadb):\/\//.test(u), 'must start with mysql:// (or mariadb://)')
      .refine(namesDatabase, 'must end with a database name made of letters, digits and _')
      .default('mysql://root@127.0.0.1:3306/qa_forum'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    JWT_SECRET: z.string().optional(),
    JWT_EXPIRES_IN_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(60 * 60 * 24 * 90)
      .default(60 * 60 * 24 * 7),
    MEILI_URL: z.string().url().optional(),
    MEILI_MASTER_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
    MEILI_INDEX_PREFIX: z
      .string()
      .regex(/^[a-zA-Z0-9_-]{1,40}$/, 'letters, digits, _ and - only')
      .default('forum'),
    // Unset: .data/meili/<database name>, so that switching DATABASE_URL never mixes two forums' indexes.
    MEILI_DATA_DIR: z.string().min(1).optional(),
    // The Meilisearch server binary the embedded mode runs; the devDependency's (linux-amd64) when unset.
    MEILI_BINARY: z.string().optional(),
    SEARCH_RELAY: z.enum(['inline', 'off']).default('inline'),
    SEARCH_RELAY_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
    SEARCH_RELAY_INTERVAL_MS: z.coerce.number().int().min(10).max(60000).default(250),
    SIMILAR_MIN_SCORE: z.coerce.number().min(0).max(1).default(0),
    // Duplicate suggestions: permuted sub-queries per draft and hits per sub-query (one multi-search).
    SIMILAR_PERMUTATIONS: z.coerce.number().int().min(1).max(64).default(16),
    SIMILAR_CANDIDATES: z.coerce.number().int().min(5).max(200).default(40),
    // Each process rebuilds its duplicate-detection term statistics from the index this often (0: never);
    // between rebuilds they follow the relay's writes and the documents searches return.
    SIMILAR_STATS_REFRESH_MS: z.coerce.number().int().min(0).default(600000),
    // How often a process looks for a newer fitted model, and refits once this many new links exist.
    SIMILAR_REFIT_INTERVAL_MS: z.coerce.number().int().min(0).default(300000),
    SIMILAR_REFIT_MIN_NEW_LINKS: z.coerce.number().int().min(1).default(20),
    // Duplicate detection with the sentence-embedding model (.data/models, installed by npm ci): `off`
    // runs lexical-only; `on` falls back to lexical-only (logged, /health/ready degraded) when the
    // model is missing, fails its checksum or fails at run time.
    EMBEDDINGS: z.enum(['on', 'off']).default('on'),
    // Directory holding BAAI/bge-small-zh-v1.5 (Transformers.js layout); unset: <repo>/.data/models.
    EMBEDDINGS_MODEL_DIR: z.string().min(1).optional(),
    // Worker threads embedding texts off the event loop (each loads the model, ~60 MB).
    EMBEDDINGS_POOL_SIZE: z.coerce.number().int().min(1).max(16).default(1),
    // Drafts whose vectors are kept (typing sends many near-identical drafts).
    EMBEDDINGS_CACHE_SIZE: z.coerce.number().int().min(0).max(100000).default(1000),
    // Nearest neighbours asked from the vector index per draft (joined with the lexical candidates).
    SIMILAR_VECTOR_CANDIDATES: z.coerce.number().int().min(5).max(500).default(100),
    // The lexical budget when the draft has a vector (the nearest are then the main candidate source):
    // permuted sub-queries and hits per sub-query. Without a vector SIMILAR_PERMUTATIONS / _CANDIDATES.
    SIMILAR_FUSED_PERMUTATIONS: z.coerce.number().int().min(0).max(64).default(4),
    SIMILAR_FUSED_CANDIDATES: z.coerce.number().int().min(5).max(200).default(20),
    // Lexical candidates outside those nearest: `bound` scores them with the last nearest cosine (no
    // request waits on the lexical hits), `exact` asks their cosines (one more request per draft).
    SIMILAR_LEXICAL_COSINES: z.enum(['bound', 'exact']).default('bound'),
    // Per-request time-out of Meilisearch calls; a dead server then fails fast instead of hanging requests.
    MEILI_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(5000),
    // JSON file of extra search synonyms (groups of equivalent words), merged with the built-in list.
    SEARCH_SYNONYMS_FILE: z.string().optional(),
    // A claimed outbox batch is re-offered to other relays if not finished within this lease.
    SEARCH_RELAY_LEASE_MS: z.coerce.number().int().min(1000).max(3600000).default(60000),
    // Upper bound of the exponential retry delay of a failing outbox row.
    SEARCH_RELAY_MAX_BACKOFF_MS: z.coerce.number().int().min(100).max(3600000).default(60000),
    // Processed outbox rows are purged after this many days.
    SEARCH_OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(7),
    // Largest accepted request body; a 20,000-character Chinese post is about 60 kB of JSON.
    HTTP_BODY_LIMIT: z
      .string()
      .regex(/^\d+(kb|mb)$/i, 'like 512kb or 1mb')
      .default('1mb'),
    // Whose X-Forwarded-For to believe for client addresses (rate limits, logs): no proxy by default.
    TRUST_PROXY: z
      .string()
      .trim()
      .default('false')
      .refine(
        isTrustProxy,
        'false, a hop count (0-10) or a comma-separated list of proxy addresses, subnets or loopback/linklocal/uniquelocal ("true" would let any client choose its address)',
      ),
    // Shared rate limits and pub/sub across API instances; in-process when unset.
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional(),
    // on (default) or off: off disables every rate limit, for load tests and benchmarks only.
    RATE_LIMIT: z.enum(['on', 'off']).default('on'),
    // JSON overrides of the rate limits, e.g. {"ask":{"member":[[3,600]]}} (see rate-limit.rules.ts).
    RATE_LIMITS: z.string().optional(),
    // Schema introspection and the Apollo Sandbox page: on outside production by default.
    GRAPHQL_INTROSPECTION: bool.optional(),
    GRAPHQL_SANDBOX: bool.optional(),
    // on: this API process turns outbox events into notifications (any number of instances may);
    // off: another process does.
    NOTIFICATIONS_RELAY: z.enum(['on', 'off']).default('on'),
    // Official answers not verified again within this many days are flagged as possibly stale.
    OFFICIAL_ANSWER_STALE_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
    // Official desk: a claim lapses after this many minutes without activity by its owner; threads of a
    // category without a first-response target get the default; reminders go out this long before.
    DESK_CLAIM_IDLE_MINUTES: z.coerce.number().int().min(1).max(10080).default(60),
    DESK_DEFAULT_TARGET_MINUTES: z.coerce.number().int().min(1).max(43200).default(1440),
    // Base of the links the desk's canned replies fill in for {thread_url}.
    PUBLIC_URL: z.string().url().default('http://localhost:3000'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_PRETTY: bool.optional(),
    DB_AUTO_CREATE: bool.optional(),
    // /health/ready reports not ready when more outbox rows than this wait for the search index.
    HEALTH_MAX_OUTBOX_BACKLOG: z.coerce.number().int().min(1).default(10000),
    // When set, GET /metrics requires `Authorization: Bearer <token>` (scrapers can send one).
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    // graphql-ws: concurrent subscriptions allowed on one socket, and for one account over all its
    // sockets on this instance; open sockets re-check their token's version this often (0: never).
    WS_MAX_SUBSCRIPTIONS_PER_SOCKET: z.coerce.number().int().min(1).max(1000).default(20),
    WS_MAX_SUBSCRIPTIONS_PER_USER: z.coerce.number().int().min(1).max(10000).default(50),
    WS_TOKEN_RECHECK_MS: z.coerce.number().int().min(0).max(3600000).default(30000),
    // Comma-separated words a display name may not contain unless the account is official (matched
    // after NFKC, case folding and removing spaces, separators and zero-width characters); the labels
    // of badges in use are always reserved too. Unset: the built-in list (accounts display-name.policy.ts).
    RESERVED_DISPLAY_NAMES: z.string().max(4000).optional(),
    // Attachments (libs/forum/src/attachments): local folder of the content-addressed files, or an
    // S3-compatible bucket when ATTACHMENTS_S3_BUCKET is set.
    ATTACHMENTS_DIR: z.string().min(1).default('.data/attachments'),
    ATTACHMENTS_S3_BUCKET: z.string().min(3).max(63).optional(),
    ATTACHMENTS_S3_ENDPOINT: z.string().url().optional(),
    ATTACHMENTS_S3_REGION: z.string().min(1).default('us-east-1'),
    ATTACHMENTS_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    ATTACHMENTS_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    ATTACHMENTS_S3_FORCE_PATH_STYLE: bool.default(true),
    // Lifetime of a signed attachment URL; HMAC key of the signatures (derived from JWT_SECRET when unset).
    ATTACHMENTS_URL_TTL_SECONDS: z.coerce.number().int().min(5).max(86400).default(300),
    ATTACHMENTS_URL_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    // auto: OCR with tesseract (tesseract-ocr + tesseract-ocr-chi-sim) when installed; off: never.
    ATTACHMENTS_OCR: z.enum(['auto', 'off']).default('auto'),
    TESSERACT_BINARY: z.string().min(1).default('tesseract'),
    // Uploaded attachments never attached to a post are deleted after this many hours, checked this often.
    ATTACHMENTS_ORPHAN_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(24),
    ATTACHMENTS_PURGE_INTERVAL_MS: z.coerce.number().int().min(0).default(3600000),
    // An upload whose body sends nothing for this long is cut (408), whatever it had sent; nothing is kept.
    UPLOAD_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(20),
    // Seed the demo community at API start (same as `--demo`); refused when NODE_ENV=production.
    SEED_DEMO: bool.optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required when NODE_ENV=production' });
    }
    const secretProblem = env.JWT_SECRET === undefined ? null : jwtSecretProblem(env.JWT_SECRET);
    if (secretProblem) ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: secretProblem });
    if (env.MEILI_URL && !env.MEILI_MASTER_KEY && env.NODE_ENV === 'production') {
      ctx.addIssue({
        code: 'custom',
        path: ['MEILI_MASTER_KEY'],
        message: 'is required with MEILI_URL when NODE_ENV=production',
      });
    }
  })
  .transform((env) => ({
    ...env,
    // Outside production (where it is required): a random secret kept in .data/ (dev-secret.ts).
    JWT_SECRET: env.JWT_SECRET ?? developmentJwtSecret(),
    DB_AUTO_CREATE: env.DB_AUTO_CREATE ?? env.NODE_ENV !== 'production',
    GRAPHQL_INTROSPECTION: env.GRAPHQL_INTROSPECTION ?? env.NODE_ENV !== 'production',
    GRAPHQL_SANDBOX: env.GRAPHQL_SANDBOX ?? env.NODE_ENV !== 'production',
    LOG_PRETTY: env.LOG_PRETTY ?? (env.NODE_ENV === 'development' && process.stdout.isTTY === true),
  }));

function namesDatabase(url: string): boolean {
  try {
    parseDatabaseUrl(url);
    return true;
  } catch {
    return false;
  }
}

export type Env = z.output<typeof envSchema>;

export class InvalidEnvironmentError extends Error {}

/** Parses and validates the environment; throws one error listing every bad variable. */
export function parseEnv(raw: Record<string, unknown>): Env {
  const cleaned: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) cleaned[key] = value === '' ? undefined : value;
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    // "Invalid input: expected number, received NaN" says less than this.
    const message =
      issue.code === 'invalid_type' && issue.expected === 'number' ? 'must be a number' : issue.message;
    return `  - ${issue.path.join('.') || '(env)'}: ${message}`;
  });
  throw new InvalidEnvironmentError(
    `Invalid environment: fix these variables (in the environment or .env; README.md, "Environment"):\n${lines.join('\n')}`,
  );
}
