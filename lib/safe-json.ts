// JSON.parse accepts any depth, but everything that walks the result afterwards (zod, our
// converters, JSON.stringify in error messages) recurses, and 200,000 levels overflow the stack.
// No document of ours nests deeper than a few levels, so depth is checked before parsing.

export const MAX_JSON_DEPTH = 64;

export class JsonDepthError extends Error {
  constructor(public readonly maxDepth: number) {
    super(`JSON nested more than ${maxDepth} levels deep`);
  }
}

/** The deepest nesting of arrays and objects in a JSON text (strings skipped), stopping early past `stopAt`. */
export function jsonDepth(text: string, stopAt = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) {
        max = depth;
        if (max > stopAt) return max;
      }
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}

/** JSON.parse, refusing text nested deeper than `maxDepth` with a JsonDepthError. */
export function parseJsonBounded(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (jsonDepth(text, maxDepth) > maxDepth) throw new JsonDepthError(maxDepth);
  return JSON.parse(text);
}
