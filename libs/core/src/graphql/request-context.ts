import DataLoader from 'dataloader';

export interface Viewer {
  userId: string;
  /** The token's `ver` claim; a token counts only while it equals the user's token_version. */
  tokenVersion: number;
}

/**
 * Per-request state handed to every resolver: who is asking (from the bearer token, not yet
 * loaded) and the request's DataLoaders, created lazily and never shared across requests.
 */
export class RequestContext {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  constructor(
    readonly viewer: Viewer | null,
    readonly tokenError: string | null = null,
    readonly ip: string | null = null,
  ) {}

  loader<K, V>(key: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = create() as DataLoader<unknown, unknown>;
      this.loaders.set(key, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

export interface GqlContext {
  req: { headers: Record<string, string | string[] | undefined> };
  ctx: RequestContext;
}
