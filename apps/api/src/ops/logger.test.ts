import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

const fixedClock = () => new Date('2027-03-02T10:00:00.000Z');

describe('createLogger', () => {
  it('writes one JSON object per line with level, time and msg first', () => {
    const lines: string[] = [];
    const log = createLogger({ write: (l) => lines.push(l), clock: fixedClock });
    log.info('listening', { port: 8787 });
    log.error('stopped');
    expect(lines).toEqual([
      '{"level":"info","time":"2027-03-02T10:00:00.000Z","msg":"listening","port":8787}',
      '{"level":"error","time":"2027-03-02T10:00:00.000Z","msg":"stopped"}',
    ]);
  });

  it('writes fields JSON cannot hold without failing', () => {
    const lines: string[] = [];
    const log = createLogger({ write: (l) => lines.push(l), clock: fixedClock });
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    log.warn('odd fields', { count: 10n, loop });
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ msg: 'odd fields', loop: { name: 'loop' } });
  });

  it('does not let fields overwrite time, level or msg', () => {
    const lines: string[] = [];
    const log = createLogger({ write: (l) => lines.push(l), clock: fixedClock });
    log.warn('real', { time: 'fake', level: 'debug', msg: 'fake', extra: 1 });
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      time: '2027-03-02T10:00:00.000Z',
      level: 'warn',
      msg: 'real',
      extra: 1,
    });
  });

  it('drops lines below its level', () => {
    const lines: string[] = [];
    const log = createLogger({ write: (l) => lines.push(l), level: 'warn', clock: fixedClock });
    log.debug('a');
    log.info('b');
    log.warn('c');
    log.error('d');
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['c', 'd']);
  });

  it('writes to stdout and, when the process exits at once, still writes every line held', async () => {
    const logger = pathToFileURL(resolve(import.meta.dirname, 'logger.ts')).href;
    // process.exit straight after logging, as the server's shutdown does.
    const script = `import(${JSON.stringify(logger)}).then(({ createLogger }) => {
      const log = createLogger();
      for (let i = 0; i < 5000; i += 1) log.info('line', { i });
      process.exit(0);
    });`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--eval', script],
      { cwd: resolve(import.meta.dirname, '../..'), maxBuffer: 16 * 1024 * 1024 },
    );
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { level: string; msg: string; i: number });
    expect(lines).toHaveLength(5000);
    expect(lines.map((l) => l.i)).toEqual([...Array(5000).keys()]);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'line' });
  });
});
