import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderThreadHtml, SSR_THREAD_QUERY, type SsrQuestion } from './thread-html';

/** Paths that belong to the API: the client's fallback never answers them. */
export const API_PATHS = /^\/(graphql|health|metrics|attachments)(\/|$)/;

/**
 * The Content-Security-Policy of the client's pages. Scripts only from this origin (Vite emits no
 * inline script); styles also inline because the component library injects its CSS at run time;
 * the API and its graphql-ws socket on the same origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface WebClientOptions {
  /** The Vite build (index.html, assets/) */
  dir: string;
  /** Serve the GraphiQL explorer at /graphiql (development) */
  graphiql: boolean;
  log?: (message: string) => void;
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/**
 * `<link rel="modulepreload">` tags for the thread page's chunk and the chunks it imports that the
 * entry does not (Vite's manifest): a /q/:id visitor's browser fetches them beside the entry instead
 * of after it. Empty when the build has no manifest.
 */
export function threadPreloadTags(manifest: Record<string, ManifestChunk>): string {
  const closure = (key: string, seen: Set<string>): Set<string> => {
    if (seen.has(key) || !manifest[key]) return seen;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) closure(dep, seen);
    return seen;
  };
  const page = Object.keys(manifest).find((k) => k.endsWith('pages/ThreadPage.tsx'));
  if (!page) return '';
  const entry = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry && key.endsWith('index.html')) closure(key, entry);
  const tags: string[] = [];
  for (const key of closure(page, new Set())) {
    if (entry.has(key)) continue;
    tags.push(`<link rel="modulepreload" crossorigin href="/${manifest[key].file}">`);
    for (const css of manifest[key].css ?? []) tags.push(`<link rel="stylesheet" crossorigin href="/${css}">`);
  }
  return tags.join('\n    ');
}

function readManifest(dir: string): Record<string, ManifestChunk> {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  } catch {
    return {};
  }
}

/** dist/web beside the compiled API (dist/apps/api/src/web → dist/web). */
export function defaultWebClientDir(): string {
  return path.resolve(__dirname, '../../../../web');
}

function htmlHeaders(res: Response): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.setHeader('X-Frame-Options', 'DENY');
}

async function fetchThread(req: Request, id: string): Promise<SsrQuestion | null | undefined> {
  const port = req.socket.localPort;
  try {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // Believed only when TRUST_PROXY trusts loopback; otherwise limits and logs see this server.
        'x-forwarded-for': req.ip ?? '',
      },
      body: JSON.stringify({ query: SSR_THREAD_QUERY, variables: { id } }),
      signal: AbortSignal.timeout(3000),
    });
    const body = (await res.json()) as { data?: { question: SsrQuestion | null } | null };
    return body.data ? body.data.question : undefined;
  } catch {
    return undefined; // the client renders it instead
  }
}

/**
 * Serves the web client (apps/web's Vite build) at `/`: hashed assets with a year of cache, the
 * other files for an hour, and index.html (with a Content-Security-Policy) for every other GET that
 * accepts HTML, except the API's own paths. /q/:id comes with the thread rendered on the server for
 * crawlers and clients without JavaScript. Returns false when there is no build.
 */
export function mountWebClient(app: NestExpressApplication, options: WebClientOptions): boolean {
  const indexFile = path.join(options.dir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    options.log?.(`web client not built (${indexFile} missing): serving the API only`);
    return false;
  }
  const indexHtml = fs.readFileSync(indexFile, 'utf8');
  const preload = threadPreloadTags(readManifest(options.dir));
  const threadIndexHtml = preload ? indexHtml.replace('</head>', `  ${preload}\n  </head>`) : indexHtml;
  const graphiqlFile = path.join(options.dir, 'graphiql.html');
  const router = express.Router();

  router.use(
    '/assets',
    express.static(path.join(options.dir, 'assets'), {
      index: false,
      immutable: true,
      maxAge: '365d',
    }),
  );
  // A missing asset is a 404, never the client's index.html.
  router.use('/assets', (_req: Request, res: Response) => {
    res.status(404).type('text').send('Not found');
  });
  // The explorer's page only where it is enabled (not in production by default).
  router.use('/graphiql.html', (req: Request, res: Response, next: NextFunction) => {
    if (options.graphiql) return next();
    res.status(404).type('text').send('Not found');
  });
  router.use(
    express.static(options.dir, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, file) => {
        if (file.endsWith('.html')) htmlHeaders(res);
      },
    }),
  );
  router.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (API_PATHS.test(req.path)) return next();
    if (req.path === '/graphiql' || req.path === '/graphiql/') {
      if (!options.graphiql || !fs.existsSync(graphiqlFile)) return next();
      htmlHeaders(res);
      return res.sendFile(graphiqlFile);
    }
    if (!req.accepts('html')) return next();
    htmlHeaders(res);
    res.type('html');
    const thread = /^\/q\/([A-Za-z0-9_-]{1,64})\/?$/.exec(req.path);
    if (!thread) return res.send(indexHtml);
    void fetchThread(req, thread[1]).then((question) => {
      if (question === null) res.status(404);
      const origin = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
      res.send(question ? renderThreadHtml(threadIndexHtml, question, origin) : threadIndexHtml);
    });
  });
  app.use(router);
  return true;
}
