import { readFileSync } from 'node:fs';
import { WAY_COLOURS } from '@fiveways/shared/way-style';
import { describe, expect, it } from 'vitest';

describe("the ways' colours", () => {
  it('are the same in ways.css as in the shared list the printed posters use', () => {
    const css = readFileSync(new URL('../styles/ways.css', import.meta.url), 'utf8');
    const inCss: Record<string, string> = {};
    for (const m of css.matchAll(/--way-([a-z-]+):\s*(#[0-9a-f]{6});/gi)) {
      inCss[m[1] ?? ''] = m[2] ?? '';
    }
    expect(inCss).toEqual(WAY_COLOURS);
  });
});
