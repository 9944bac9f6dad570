// The fallback load generator for read-load.ts when wrk is missing: the same mix of random
// read-side GETs, from autocannon in this process. Prints the figures as one JSON line.
// autocannon reads every body in JavaScript, so on large bodies it is slower than the server.
import autocannon from 'autocannon';

const input = JSON.parse(process.argv[2] ?? '{}');
const { url, domain, duration, connections, maxSpanDays } = input;
const WAYS = ['connect', 'be-active', 'take-notice', 'keep-learning', 'give'];
const AUDIENCES = ['children-families', 'young-people', 'adults', 'older-people'];

let seed = 20261202;
function random() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (xs) => xs[int(0, xs.length - 1)];
const maybe = (chance, text) => (random() < chance ? text : '');
const join = (path, ...parts) => {
  const kept = parts.filter((p) => p !== '');
  return kept.length === 0 ? path : `${path}?${kept.join('&')}`;
};
const page = () => maybe(0.75, `limit=${int(1, 1000)}&offset=${int(0, 3000)}`);

function randomPath() {
  const r = random();
  if (r < 0.4) {
    const i = int(0, domain.dates.length - 1);
    const span = Math.floor(2 ** (random() * Math.log2(maxSpanDays)));
    const j = Math.min(domain.dates.length - 1, i + span - 1);
    return join(
      '/api/occurrences',
      `from=${domain.dates[i]}&to=${domain.dates[j]}`,
      maybe(0.4, `way=${pick(WAYS)}`),
      maybe(0.2, `area=${pick(domain.areas)}`),
      maybe(0.1, `audience=${pick(AUDIENCES)}`),
      page(),
    );
  }
  if (r < 0.65) {
    return join(
      '/api/groups',
      maybe(0.5, `way=${pick(WAYS)}`),
      maybe(0.5, `area=${pick(domain.areas)}`),
      maybe(0.2, `audience=${pick(AUDIENCES)}`),
      maybe(0.2, 'free=true'),
      page(),
    );
  }
  if (r < 0.72) {
    return join(
      '/api/sessions',
      maybe(0.3, `way=${pick(WAYS)}`),
      maybe(0.3, `venue=${pick(domain.venues)}`),
    );
  }
  if (r < 0.87) {
    const f = int(1, 6);
    if (f === 1) {
      return join(
        '/feeds/all.ics',
        maybe(0.5, `way=${pick(WAYS)}`),
        maybe(0.5, `area=${pick(domain.areas)}`),
      );
    }
    if (f === 2) return `/feeds/ways/${pick(WAYS)}.ics`;
    if (f === 3) return `/feeds/venues/${pick(domain.venues)}.ics`;
    if (f === 4) return `/feeds/areas/${pick(domain.areas)}.ics`;
    if (f === 5 && domain.groups.length > 0) return `/feeds/groups/${pick(domain.groups)}.ics`;
    return `/feeds/sessions/${int(1, Math.max(1, domain.sessions))}.ics`;
  }
  return pick(['/api/health', '/api/venues', '/api/areas', '/api/meta', '/api/ways']);
}

const ENCODINGS = [{ 'accept-encoding': 'gzip' }, { 'accept-encoding': 'br, gzip' }, {}];

const result = await autocannon({
  url,
  connections,
  duration,
  timeout: 10,
  requests: [
    {
      setupRequest: (request) => ({ ...request, path: randomPath(), headers: pick(ENCODINGS) }),
    },
  ],
});
const non2xx = result.non2xx ?? 0;
process.stdout.write(
  `${JSON.stringify({
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    mbPerSec: Math.round((result.throughput.average / 1e6) * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    non2xx,
    timeouts: result.timeouts,
    errors: result.errors,
  })}\n`,
);
