import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };

/** Every module a file loads at run time (type-only imports are erased), itself included. */
function runtimeGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(new URL(file, import.meta.url), 'utf8');
  for (const m of source.matchAll(
    /^(?:import|export)\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gms,
  )) {
    const target = m[1] ?? '';
    if (target.startsWith('./')) runtimeGraph(target, seen);
    else seen.add(target);
  }
  return seen;
}

describe('the subpath modules the kiosk loads first', () => {
  const subpaths = Object.entries(packageJson.exports).filter(
    ([name]) => name !== '.' && name !== './schemas',
  );

  it.each(subpaths)('%s loads no zod', (_name, path) => {
    const graph = runtimeGraph(path.replace('./src/', './'));
    expect([...graph].filter((m) => !m.startsWith('./'))).toEqual([]);
  });
});
