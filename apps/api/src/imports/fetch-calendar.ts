// Fetches a group's calendar without letting its address reach inside our network: every hop's
// host is resolved here and refused when any address is private, loopback, link-local or the
// like (unless the host is allowed by setting), and the connection goes to the address checked,
// so a DNS answer that changes in between cannot win. Bounded in time (headers and body together),
// size (counted while streaming, after decompression) and redirects; conditional on ETag and
// Last-Modified. Every failure is a result with a plain-English reason, never a throw.

import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import ipaddr from 'ipaddr.js';

export interface FetchCalendarOptions {
  /** Hosts (exact host name, or host:port) that may be private or local: tests and local trials. */
  allowHosts: readonly string[];
  /** The most the whole fetch may take, redirects and body included. */
  timeoutMs: number;
  /** The most the calendar may weigh, after decompression. */
  maxBytes: number;
  maxRedirects: number;
  etag?: string | null;
  lastModified?: string | null;
}

export type FetchCalendarResult =
  | {
      kind: 'changed';
      text: string;
      etag: string | null;
      lastModified: string | null;
      finalUrl: string;
    }
  | { kind: 'not-modified' }
  | { kind: 'failed'; reason: string; retryable: boolean };

const USER_AGENT = 'FiveWaysWorcester-CalendarImport/1.0';

/** Media types a calendar is served as; a missing Content-Type is taken on trust. */
const CALENDAR_TYPES = new Set([
  'text/calendar',
  'text/plain',
  'application/octet-stream',
  'application/ics',
  'text/x-vcalendar',
  'application/x-ical',
]);
const WEB_PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/**
 * The http(s) address of a calendar as staff paste it: webcal:// and webcals:// become http:// and
 * https://; anything else but http(s), or an address with a user name or password, is refused.
 */
export function calendarUrlOf(input: string): { url: string } | { error: string } {
  const text = input.trim();
  if (text === '') return { error: "Give the calendar's web address" };
  const swapped = text.replace(/^webcals:\/\//i, 'https://').replace(/^webcal:\/\//i, 'http://');
  let url: URL;
  try {
    url = new URL(swapped);
  } catch {
    return { error: 'That is not a web address: it should start with https:// or webcal://' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      error: `Only http, https and webcal addresses can be imported, not ${url.protocol.replace(/:$/, '')}`,
    };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      error:
        'Take the user name and password out of the address: calendars are imported from public addresses only',
    };
  }
  if (url.hostname === '') return { error: 'That web address has no host name' };
  url.hash = '';
  return { url: url.href };
}

function failed(reason: string, retryable: boolean): FetchCalendarResult {
  return { kind: 'failed', reason, retryable };
}

/** "5 MB", "1.5 MB", "200 KB": a size for a sentence. */
function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The host without IPv6 brackets. */
function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '');
}

function isAllowedHost(url: URL, allowHosts: readonly string[]): boolean {
  const names = new Set([
    url.hostname.toLowerCase(),
    bareHost(url.hostname).toLowerCase(),
    url.host.toLowerCase(),
  ]);
  const port = url.port === '' ? (url.protocol === 'https:' ? '443' : '80') : url.port;
  names.add(`${url.hostname.toLowerCase()}:${port}`);
  return allowHosts.some((h) => names.has(h.trim().toLowerCase()));
}

/** True for an address on the public internet: not private, loopback, link-local, CGNAT, etc. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress())
    parsed = parsed.toIPv4Address();
  return parsed.range() === 'unicast';
}

/** Resolves the host once: every address it gives, IP literals as they are. */
async function resolveHost(hostname: string): Promise<LookupAddress[]> {
  const host = bareHost(hostname);
  const family = isIP(host);
  if (family !== 0) return [{ address: host, family }];
  return dnsLookup(host, { all: true, verbatim: true });
}

/** A lookup that answers with the address already checked, whatever DNS says now. */
function pinnedLookup(vetted: LookupAddress) {
  return (
    _hostname: string,
    options: LookupOptions,
    callback: (
      err: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void,
  ) => {
    if (options.all === true) callback(null, [vetted]);
    else callback(null, vetted.address, vetted.family);
  };
}

function request(
  url: URL,
  vetted: LookupAddress,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: 'GET',
      headers,
      agent: false,
      lookup: pinnedLookup(vetted),
      signal,
    });
    req.on('response', resolve);
    req.on('error', reject);
    req.end();
  });
}

function mediaTypeOf(contentType: string | undefined): { type: string; charset: string | null } {
  if (contentType === undefined || contentType.trim() === '') return { type: '', charset: null };
  const [type = '', ...params] = contentType.split(';');
  let charset: string | null = null;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(p);
    if (m?.[1] !== undefined) charset = m[1];
  }
  return { type: type.trim().toLowerCase(), charset };
}

function decoderFor(charset: string | null): TextDecoder {
  try {
    return new TextDecoder(charset ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

class TooLarge extends Error {}

/** The body, decompressed, stopping as soon as it passes maxBytes. */
async function readBody(res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const encoding = (res.headers['content-encoding'] ?? '').trim().toLowerCase();
  let stream: Readable = res;
  if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.pipe(createGunzip());
  else if (encoding === 'deflate') stream = res.pipe(createInflate());
  else if (encoding === 'br') stream = res.pipe(createBrotliDecompress());
  // A decompressor fails on its own when the response does: pass the response's error on.
  if (stream !== res) res.on('error', (e) => stream.destroy(e));
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      size += buf.length;
      if (size > maxBytes) throw new TooLarge();
      chunks.push(buf);
    }
  } finally {
    res.destroy();
    if (stream !== res) stream.destroy();
  }
  return Buffer.concat(chunks);
}

function statusFailure(status: number): FetchCalendarResult {
  if (status === 404 || status === 410) {
    return failed(`the calendar's address no longer works (${status})`, false);
  }
  if (status === 401 || status === 403) {
    return failed(`the calendar is private: its server refuses to share it (${status})`, false);
  }
  if (status === 429)
    return failed("the calendar's server asked us to come back later (429)", true);
  if (status >= 500) return failed(`the calendar's server had a problem (${status})`, true);
  return failed(`the calendar's server refused the request (${status})`, false);
}

function networkFailure(error: unknown, timeoutMs: number, timedOut: boolean): FetchCalendarResult {
  if (timedOut) {
    const seconds = Math.ceil(timeoutMs / 1000);
    const unit = seconds === 1 ? 'second' : 'seconds';
    return failed(`the calendar took longer than ${seconds} ${unit} to arrive`, true);
  }
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA') {
    return failed("the calendar's address could not be found: check the host name", true);
  }
  if (code.startsWith('ERR_TLS') || code.includes('CERT') || code === 'EPROTO') {
    return failed("the calendar's server has a certificate problem, so it cannot be trusted", true);
  }
  if (code === 'ECONNREFUSED') return failed("the calendar's server refused the connection", true);
  return failed("the calendar's server could not be reached", true);
}

/**
 * Fetches the calendar at an http(s) URL: 'changed' with its text and validators, 'not-modified'
 * on a 304 to the validators given, or 'failed' with a reason for staff and whether to retry.
 */
export async function fetchCalendar(
  url: string,
  options: FetchCalendarOptions,
): Promise<FetchCalendarResult> {
  const checked = calendarUrlOf(url);
  if ('error' in checked) return failed(checked.error, false);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  try {
    return await fetchHops(new URL(checked.url), options, controller.signal);
  } catch (error) {
    if (error instanceof TooLarge) {
      return failed(`the calendar is larger than ${formatSize(options.maxBytes)}`, false);
    }
    return networkFailure(error, options.timeoutMs, timedOut || controller.signal.aborted);
  } finally {
    clearTimeout(timer);
  }
}

async function fetchHops(
  start: URL,
  options: FetchCalendarOptions,
  signal: AbortSignal,
): Promise<FetchCalendarResult> {
  let url = start;
  for (let hop = 0; ; hop++) {
    const via = hop === 0 ? 'points to' : 'redirects to';
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return failed(`the calendar's address ${via} an address that is not http or https`, false);
    }
    if (url.username !== '' || url.password !== '') {
      return failed(`the calendar's address ${via} an address with a password in it`, false);
    }
    const addresses = await resolveHost(url.hostname);
    const first = addresses[0];
    if (first === undefined)
      return failed("the calendar's address could not be found: check the host name", true);
    if (
      !isAllowedHost(url, options.allowHosts) &&
      !addresses.every((a) => isPublicAddress(a.address))
    ) {
      return failed(
        `the calendar's address ${via} a private or local network, which is not allowed`,
        false,
      );
    }
    const headers: Record<string, string> = {
      'User-Agent': USER_AGENT,
      Accept: 'text/calendar, text/plain;q=0.9, */*;q=0.5',
      'Accept-Encoding': 'gzip, deflate, br',
    };
    if (options.etag) headers['If-None-Match'] = options.etag;
    if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;
    const res = await request(url, first, headers, signal);
    const status = res.statusCode ?? 0;
    if (status >= 300 && status < 400 && status !== 304) {
      res.destroy();
      const location = res.headers.location;
      if (location === undefined || location === '') {
        return failed(
          `the calendar's server sent a redirect without an address (${status})`,
          false,
        );
      }
      if (hop >= options.maxRedirects) {
        return failed(
          `the calendar's address redirects too many times (more than ${options.maxRedirects})`,
          false,
        );
      }
      try {
        url = new URL(location, url);
      } catch {
        return failed(
          "the calendar's server redirects to an address that is not a web address",
          false,
        );
      }
      continue;
    }
    if (status === 304) {
      res.destroy();
      return { kind: 'not-modified' };
    }
    if (status < 200 || status >= 300) {
      res.destroy();
      return statusFailure(status);
    }
    const { type, charset } = mediaTypeOf(res.headers['content-type']);
    if (WEB_PAGE_TYPES.has(type)) {
      res.destroy();
      return failed('this address gives a web page, not a calendar', false);
    }
    if (type !== '' && !CALENDAR_TYPES.has(type)) {
      res.destroy();
      return failed(`this address gives ${type}, not a calendar`, false);
    }
    const declared = Number(res.headers['content-length']);
    if (
      Number.isFinite(declared) &&
      declared > options.maxBytes &&
      (res.headers['content-encoding'] ?? '') === ''
    ) {
      res.destroy();
      throw new TooLarge();
    }
    const body = await readBody(res, options.maxBytes);
    const text = decoderFor(charset).decode(body);
    if (/^\uFEFF?\s*</.test(text))
      return failed('this address gives a web page, not a calendar', false);
    const etag = res.headers.etag;
    const lastModified = res.headers['last-modified'];
    return {
      kind: 'changed',
      text,
      etag: typeof etag === 'string' && etag !== '' ? etag : null,
      lastModified: typeof lastModified === 'string' && lastModified !== '' ? lastModified : null,
      finalUrl: url.href,
    };
  }
}
