// Structured logs: one JSON object per line on stdout, for journald or any log shipper. pino writes
// them through its own asynchronous destination, so no request waits on a write to stdout; what
// is still held is written out synchronously when the process exits.
import { pino, type DestinationStream } from 'pino';

/** Lines are gathered up to this many bytes per write to stdout... */
const BATCH_BYTES = 4096;
/** ...or for at most this long (a quiet service's lines still show within a moment). */
const BATCH_MS = 250;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  /**
   * Where each finished line goes, without its newline; tests pass an array's push. Defaults to
   * stdout, written asynchronously.
   */
  write?: (line: string) => void;
  /** Lines below this level are dropped. */
  level?: LogLevel;
  clock?: () => Date;
}

/** Stdout through pino's asynchronous destination, in batches, flushed on exit. */
function stdoutDestination(): DestinationStream {
  // One write per line would cost a thread-pool round trip per request; batches cost one per ~25.
  return pino.destination({
    dest: 1,
    sync: false,
    minLength: BATCH_BYTES,
    periodicFlush: BATCH_MS,
  });
}

/** `,"time":"<ISO 8601>"`, made once per millisecond however many lines share it. */
function isoTimeOncePerMs(): () => string {
  let lastMs = Number.NaN;
  let last = '';
  return () => {
    const ms = Date.now();
    if (ms !== lastMs) {
      lastMs = ms;
      last = `,"time":"${new Date(ms).toISOString()}"`;
    }
    return last;
  };
}

const hasOwn = (fields: LogFields, key: string) => Object.hasOwn(fields, key);

/**
 * A logger writing `{"level","time","msg",...fields}` lines: level as its name, time as ISO 8601
 * UTC. Fields cannot overwrite level, time or msg.
 */
export function createLogger({ write, level = 'info', clock }: LoggerOptions = {}): Logger {
  const destination: DestinationStream =
    write === undefined
      ? stdoutDestination()
      : { write: (line: string) => write(line.endsWith('\n') ? line.slice(0, -1) : line) };
  const out = pino(
    {
      level,
      // No pid or hostname in every line: journald records both.
      base: null,
      timestamp:
        clock === undefined ? isoTimeOncePerMs() : () => `,"time":"${clock().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  const emit = (lineLevel: LogLevel, msg: string, fields?: LogFields): void => {
    if (!out.isLevelEnabled(lineLevel)) return;
    if (fields === undefined) out[lineLevel]({ msg });
    else if (hasOwn(fields, 'time') || hasOwn(fields, 'level') || hasOwn(fields, 'msg')) {
      // level, time and msg cannot be overwritten by fields.
      const { time: _t, level: _l, msg: _m, ...rest } = fields;
      out[lineLevel]({ msg, ...rest });
    } else out[lineLevel]({ msg, ...fields });
    // Warnings and errors are written at once rather than with the next batch.
    if (lineLevel === 'warn' || lineLevel === 'error') out.flush();
  };
  return {
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
  };
}

/** A logger that drops everything: the default in tests. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
