import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

const fixedClock = () => new Date('2027-03-02T10:00:00.000Z');

describe('createLogger', () => {
  it('writes one JSON object per line with time, level and msg first', () => {
    const lines: string[] = [];
    const log = createLogger({ write: (l) => lines.push(l), clock: fixedClock });
    log.info('listening', { port: 8787 });
    expect(lines).toEqual([
      '{"time":"2027-03-02T10:00:00.000Z","level":"info","msg":"listening","port":8787}',
    ]);
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
});
