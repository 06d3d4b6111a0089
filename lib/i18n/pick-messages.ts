// The part of a message catalogue under the given dotted namespaces ("client.overrideForm"), in the
// catalogue's own shape, so next-intl's useTranslations("client.overrideForm") finds it.
type Tree = { [key: string]: string | Tree };

export function pickMessages(messages: object, namespaces: readonly string[]): Tree {
  const out: Tree = {};
  for (const ns of namespaces) {
    const parts = ns.split(".");
    let from: string | Tree | undefined = messages as Tree;
    for (const p of parts) from = typeof from === "object" ? from[p] : undefined;
    if (from === undefined) throw new Error(`No messages under "${ns}"`);
    let to = out;
    for (const p of parts.slice(0, -1)) {
      const next: string | Tree | undefined = to[p];
      to = to[p] = typeof next === "object" ? next : {};
    }
    to[parts[parts.length - 1]] = from;
  }
  return out;
}
