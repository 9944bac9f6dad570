// Text in the order SQLite's ORDER BY gives it (BINARY collation over UTF-8: code point order),
// so lists kept in memory come out as the same query would return them.

const isSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdfff;

/** Compares by Unicode code point; JavaScript's own `<` compares UTF-16 units instead. */
export function compareText(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate starts a code point past U+FFFF, after every unit that is not one.
    if (isSurrogate(x) !== isSurrogate(y)) return isSurrogate(x) ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
