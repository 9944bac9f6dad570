import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { Context } from 'hono';
import { createCompressedBody, sendCompressed, type CompressedBody } from './compressed-body.ts';

/** The built kiosk and public pages, next to this package: apps/kiosk/dist. */
export const DEFAULT_STATIC_ROOT = resolve(import.meta.dirname, '../../../kiosk/dist');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const NO_CACHE = 'no-cache';

/** Paths the front end never owns: their misses are JSON 404s, not the app shell. */
export function isApiPath(path: string): boolean {
  return /^\/(api|feeds)(\/|$)/.test(path);
}

/**
 * The file under `root` that a URL path names, or null if it names nothing there.
 * Never leaves `root`: `..` segments (plain or %-encoded), NUL bytes and bad escapes give null.
 */
export function resolveStaticFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;
  const base = resolve(root);
  const file = resolve(join(base, decoded));
  if (!file.startsWith(base + sep)) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

function cacheControlFor(root: string, file: string): string {
  const relative = file
    .slice(resolve(root).length + 1)
    .split(sep)
    .join('/');
  // Files under assets/ carry a content hash in their names, so they never change.
  return relative.startsWith('assets/') ? IMMUTABLE : NO_CACHE;
}

/** Text formats worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.webmanifest',
  '.map',
  '.svg',
  '.txt',
]);

/** A text file's bytes with their ETag and br/gzip forms, made once per version of the file. */
const textFiles = new Map<string, { mtimeMs: number; size: number; body: CompressedBody }>();

function textFileBody(file: string): CompressedBody {
  const { mtimeMs, size } = statSync(file);
  const kept = textFiles.get(file);
  if (kept !== undefined && kept.mtimeMs === mtimeMs && kept.size === size) return kept.body;
  const body = createCompressedBody(readFileSync(file));
  textFiles.set(file, { mtimeMs, size, body });
  return body;
}

/** What the server says about an address the front end draws (not a file, not the API). */
export interface PageAnswer {
  /** 200 for one of the app's pages; 404 (with the same shell, so the app draws its not-found page) otherwise. */
  status: 200 | 404;
  /** Replaces the shell's <title>, for readers that run no script. Plain text. */
  title?: string;
  /** Markup added to the shell's <head> (e.g. JSON-LD); the caller makes it safe. */
  head?: string;
  /** The page's language and direction on <html>, when not the shell's English. */
  lang?: { tag: string; dir: 'ltr' | 'rtl' };
}

/** Says, for a path (and its query), whether it is a page of the app and what its <head> needs. */
export type DescribePage = (path: string, query?: URLSearchParams) => PageAnswer;

/** Escapes text for an HTML element's content. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The shell with a page's title and head markup in it. */
export function fillShell(shell: string, page: PageAnswer): string {
  let html = shell;
  if (page.lang !== undefined) {
    // The tag and direction come from a fixed list, never from the address as typed.
    html = html.replace(/<html[^>]*>/, `<html lang="${page.lang.tag}" dir="${page.lang.dir}">`);
  }
  if (page.title !== undefined) {
    html = html.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(page.title)}</title>`);
  }
  if (page.head !== undefined && page.head !== '') {
    const at = html.indexOf('</head>');
    html =
      at >= 0 ? `${html.slice(0, at)}${page.head}\n  ${html.slice(at)}` : `${page.head}${html}`;
  }
  return html;
}

/** Filled shells, by their text, kept compressed; the oldest goes past this many. */
const MAX_FILLED_PAGES = 500;
const filledPages = new Map<string, CompressedBody>();

/** The shell's text, read again only when the file changes. */
let shellKept: { file: string; mtimeMs: number; size: number; text: string } | null = null;

function shellText(file: string): string {
  const { mtimeMs, size } = statSync(file);
  if (shellKept?.file === file && shellKept.mtimeMs === mtimeMs && shellKept.size === size) {
    return shellKept.text;
  }
  const text = readFileSync(file, 'utf8');
  shellKept = { file, mtimeMs, size, text };
  return text;
}

function filledPageBody(shellFile: string, page: PageAnswer): CompressedBody {
  const html = fillShell(shellText(shellFile), page);
  const kept = filledPages.get(html);
  if (kept !== undefined) return kept;
  const body = createCompressedBody(html);
  if (filledPages.size >= MAX_FILLED_PAGES) {
    const oldest = filledPages.keys().next();
    if (oldest.done !== true) filledPages.delete(oldest.value);
  }
  filledPages.set(html, body);
  return body;
}

/** The shell for a page: as built, or filled in; 404 for an address that is no page. */
function pageResponse(
  c: Context,
  root: string,
  index: string,
  page: PageAnswer,
): Response | Promise<Response> {
  c.header('x-content-type-options', 'nosniff');
  const plain = page.title === undefined && (page.head ?? '') === '' && page.lang === undefined;
  return sendCompressed(c, plain ? textFileBody(index) : filledPageBody(index, page), {
    contentType: CONTENT_TYPES['.html'] ?? 'text/html; charset=utf-8',
    cacheControl: cacheControlFor(root, index),
    status: page.status,
  });
}

function fileResponse(c: Context, root: string, file: string): Response | Promise<Response> {
  const extension = extname(file).toLowerCase();
  const type = CONTENT_TYPES[extension] ?? 'application/octet-stream';
  c.header('x-content-type-options', 'nosniff');
  if (COMPRESSIBLE.has(extension)) {
    // The shell and its scripts go out as br or gzip, compressed once: on a slow phone connection
    // the kiosk's first screen arrives in a third of the bytes.
    return sendCompressed(c, textFileBody(file), {
      contentType: type,
      cacheControl: cacheControlFor(root, file),
    });
  }
  return c.body(readFileSync(file), 200, {
    'content-type': type,
    'cache-control': cacheControlFor(root, file),
  });
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Five Ways Worcester: not built yet</title></head>
<body><h1>The front end has not been built yet</h1>
<p>Run <code>pnpm build</code> (or <code>pnpm start</code>, which builds it) at the repository root, then reload.</p>
<p>The API is running: <a href="/api/health">/api/health</a>.</p></body></html>
`;

/** Every address is a page: for a front end served without knowing its routes. */
const EVERY_PATH_A_PAGE: DescribePage = () => ({ status: 200 });

/**
 * Serves the built front end: files as they are, and index.html for any other path so the
 * client-side router can draw it, with the status, title and head `describePage` gives (a 404
 * for an address that is none of the app's pages; JSON-LD for a session page).
 */
export function serveFrontEnd(root: string, describePage: DescribePage = EVERY_PATH_A_PAGE) {
  return function serveStatic(c: Context): Response | Promise<Response> {
    const path = c.req.path;
    const index = join(resolve(root), 'index.html');
    if (!existsSync(index)) {
      return c.html(NOT_BUILT_PAGE, 503, { 'cache-control': NO_CACHE });
    }
    const file = resolveStaticFile(root, path);
    if (file !== null) return fileResponse(c, root, file);
    // A missing hashed asset must fail loudly, not come back as HTML.
    if (path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path)) {
      return c.text('Not found', 404, { 'cache-control': NO_CACHE });
    }
    return pageResponse(c, root, index, describePage(path, new URL(c.req.url).searchParams));
  };
}
