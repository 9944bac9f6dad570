// A group's calendar server for the import tests: real HTTP on 127.0.0.1 (a random port), serving
// the ICS text, ETag and status the test sets, answering 304 to a matching If-None-Match, serving
// the fixtures folder under /fixtures/, and keeping every request it received.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  ifNoneMatch: string | null;
}

export interface ServedCalendar {
  ics: string;
  etag: string;
  status: number;
  requests: ReceivedRequest[];
  notModified: number;
}

export interface CalendarServer {
  served: ServedCalendar;
  /** host:port, as the import settings' allowHosts lists it. */
  host: string;
  /** The server's http:// address of `path`. */
  urlOf(path: string): string;
  close(): Promise<void>;
}

export async function startCalendarServer(): Promise<CalendarServer> {
  const served: ServedCalendar = {
    ics: '',
    etag: '"1"',
    status: 200,
    requests: [],
    notModified: 0,
  };
  const server = createServer((req, res) => {
    const ifNoneMatch = req.headers['if-none-match'];
    served.requests.push({ path: req.url ?? '', ifNoneMatch: ifNoneMatch ?? null });
    if (served.status !== 200) {
      res.writeHead(served.status).end('Internal error');
      return;
    }
    const fixture = /^\/fixtures\/([a-z-]+\.ics)$/.exec(req.url ?? '')?.[1];
    if (fixture !== undefined) {
      res
        .writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' })
        .end(readFileSync(new URL(`./fixtures/${fixture}`, import.meta.url)));
      return;
    }
    if (ifNoneMatch === served.etag) {
      served.notModified += 1;
      res.writeHead(304, { etag: served.etag }).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', etag: served.etag })
      .end(served.ics);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  return {
    served,
    host,
    urlOf: (path) => `http://${host}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
