// Structured logs: one JSON object per line, on stdout, for journald or any log shipper.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LoggerOptions {
  /** Where each finished line goes; defaults to stdout. Tests pass an array's push. */
  write?: (line: string) => void;
  /** Lines below this level are dropped. */
  level?: LogLevel;
  clock?: () => Date;
}

/** A logger writing `{"time","level","msg",...fields}` lines. */
export function createLogger({
  write = (line) => process.stdout.write(`${line}\n`),
  level = 'info',
  clock = () => new Date(),
}: LoggerOptions = {}): Logger {
  const threshold = RANK[level];
  const emit = (lineLevel: LogLevel, msg: string, fields: LogFields = {}): void => {
    if (RANK[lineLevel] < threshold) return;
    // time, level and msg come first and cannot be overwritten by fields.
    const { time: _t, level: _l, msg: _m, ...rest } = fields;
    write(JSON.stringify({ time: clock().toISOString(), level: lineLevel, msg, ...rest }));
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
