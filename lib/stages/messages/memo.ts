// Memoised renderings: the engine renders the same few messages millions of times (npm run bench:stages).

/** Memoises a rendering of small non-negative integers. */
export function memoInt(render: (n: number) => string, size: number): (n: number) => string {
  const cache: (string | undefined)[] = new Array(size);
  return (n) => (n < 0 || n >= size || n !== Math.floor(n) ? render(n) : (cache[n] ??= render(n)));
}

/** Memoises a message of two small keys (stage pairs, attitude and direction). */
export function memoKey<A extends string | number, B extends string | number>(render: (a: A, b: B) => string): (a: A, b: B) => string {
  const cache = new Map<string, string>();
  return (a, b) => {
    const key = `${a}|${b}`;
    let s = cache.get(key);
    if (s === undefined) {
      s = render(a, b);
      cache.set(key, s);
    }
    return s;
  };
}

