// Small readers over rendered feeds, for the tests: content lines, VEVENT blocks, property values.

/** Joins folded lines back into content lines. */
export function unfoldLines(ics: string): string[] {
  return ics
    .replace(/\r\n|\r|\n/g, '\r\n')
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line !== '');
}

export interface IcsProperty {
  name: string;
  params: string;
  value: string;
}

export function parseLine(line: string): IcsProperty {
  const match = /^([A-Z0-9-]+)((?:;[^:]*)?):(.*)$/.exec(line);
  if (!match) throw new Error(`not a content line: ${line}`);
  return { name: match[1] ?? '', params: match[2] ?? '', value: match[3] ?? '' };
}

/** The content lines of each VEVENT, in order. */
export function eventBlocks(ics: string): IcsProperty[][] {
  const blocks: IcsProperty[][] = [];
  let current: IcsProperty[] | null = null;
  for (const line of unfoldLines(ics)) {
    if (line === 'BEGIN:VEVENT') current = [];
    else if (line === 'END:VEVENT') {
      if (current) blocks.push(current);
      current = null;
    } else if (current) current.push(parseLine(line));
  }
  return blocks;
}

export function prop(block: readonly IcsProperty[], name: string): IcsProperty | undefined {
  return block.find((p) => p.name === name);
}

export function props(block: readonly IcsProperty[], name: string): IcsProperty[] {
  return block.filter((p) => p.name === name);
}

/** Content lines outside every component: the calendar's own properties. */
export function calendarProperties(ics: string): IcsProperty[] {
  const out: IcsProperty[] = [];
  let depth = 0;
  for (const line of unfoldLines(ics)) {
    if (line.startsWith('BEGIN:')) depth += 1;
    else if (line.startsWith('END:')) depth -= 1;
    else if (depth === 1) out.push(parseLine(line));
  }
  return out;
}
