import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/IntentLink";
import { openApiDocument } from "@/lib/api/openapi";

// The API reference, rendered on the server from the same OpenAPI document the API serves
// (no CDN scripts). Public: it describes the API and holds no data.
export const metadata: Metadata = { title: "API reference" };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- walks an untyped OpenAPI JSON document of any shape; `unknown` would need a cast at every step and the page only prints strings from it.
type Schema = Record<string, any>;
const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const METHOD_CLASS: Record<string, string> = {
  get: "bg-emerald-100 text-emerald-900",
  post: "bg-indigo-100 text-indigo-900",
  patch: "bg-amber-100 text-amber-900",
  delete: "bg-red-100 text-red-900",
  put: "bg-slate-200 text-slate-900",
};

function resolve(doc: Schema, s: Schema | undefined): Schema {
  if (!s) return {};
  if (typeof s.$ref === "string") {
    const name = s.$ref.split("/").pop()!;
    return { ...resolve(doc, doc.components?.schemas?.[name]), title: name };
  }
  return s;
}

/** A one-line type: "string (date)", "one of none | some", "array of CheckIn". */
function typeOf(doc: Schema, raw: Schema | undefined): string {
  if (!raw) return "any";
  if (raw.$ref) return raw.$ref.split("/").pop();
  const s = raw;
  if (s.enum) return s.enum.map(String).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.anyOf || s.oneOf) {
    const parts = (s.anyOf ?? s.oneOf) as Schema[];
    return parts.map((p) => typeOf(doc, p)).join(" or ");
  }
  if (s.type === "array") return `array of ${typeOf(doc, s.items)}`;
  const t = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  const extras = [s.format, s.minimum !== undefined && s.maximum !== undefined ? `${s.minimum}-${s.maximum}` : null, s.maxLength ? `≤ ${s.maxLength} chars` : null].filter(Boolean);
  return extras.length > 0 ? `${t} (${extras.join(", ")})` : t;
}

function Fields({ doc, schema, depth = 0 }: { doc: Schema; schema: Schema | undefined; depth?: number }) {
  const s = resolve(doc, schema);
  const target = s.type === "array" ? resolve(doc, s.items) : s;
  if (!target.properties) return <p className="text-sm text-slate-700"><code>{typeOf(doc, schema)}</code>{s.description ? ` — ${s.description}` : null}</p>;
  const required = new Set<string>(target.required ?? []);
  return (
    <div>
      {s.type === "array" ? <p className="text-xs text-slate-600">An array of:</p> : null}
      <table className="w-full border-collapse text-sm">
        <tbody>
          {Object.entries(target.properties as Record<string, Schema>).map(([name, prop]) => {
            const p = resolve(doc, prop);
            const nested = depth < 1 && (p.properties || (p.type === "array" && resolve(doc, p.items).properties));
            return (
              <tr key={name} className="border-b border-slate-100 align-top">
                <td className="py-1 pr-3 font-mono text-xs">{name}{required.has(name) ? <span className="text-red-700" title="required">*</span> : null}</td>
                <td className="py-1 pr-3 font-mono text-xs text-slate-600">{typeOf(doc, prop)}</td>
                <td className="py-1 text-xs text-slate-700">
                  {p.description ?? prop.description ?? ""}
                  {nested ? <div className="mt-1 border-l-2 border-slate-200 pl-2"><Fields doc={doc} schema={prop} depth={depth + 1} /></div> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export default function ApiDocsPage() {
  const doc = JSON.parse(JSON.stringify(openApiDocument())) as Schema;
  const paths = Object.entries(doc.paths as Record<string, Schema>);
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-3xl font-semibold">{doc.info.title}</h1>
      <p className="mt-2 max-w-3xl text-sm text-slate-700">{doc.info.description}</p>
      <p className="mt-2 text-sm">
        Machine-readable: <a className="text-indigo-700 underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI {doc.openapi}). Create a token on{" "}
        <IntentLink className="text-indigo-700 underline" href="/settings/tokens">Settings → API tokens</IntentLink>.
      </p>
      <nav aria-label="Endpoints" className="mt-6 rounded border border-slate-200 bg-white p-4 text-sm">
        <ul className="grid gap-1 sm:grid-cols-2">
          {paths.flatMap(([p, item]) =>
            METHODS.filter((m) => item[m]).map((m) => (
              <li key={`${m} ${p}`}>
                <a href={`#${item[m].operationId}`} className="hover:underline">
                  <span className={`mr-2 inline-block w-14 rounded px-1 text-center font-mono text-xs uppercase ${METHOD_CLASS[m]}`}>{m}</span>
                  <code className="text-xs">{p}</code>
                </a>
              </li>
            )),
          )}
        </ul>
      </nav>
      {paths.flatMap(([p, item]) =>
        METHODS.filter((m) => item[m]).map((m) => {
          const op = item[m] as Schema;
          const params = (op.parameters ?? []) as Schema[];
          return (
            <section key={`${m} ${p}`} id={op.operationId} className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h2 className="flex flex-wrap items-center gap-2 text-lg font-semibold">
                <span className={`rounded px-2 font-mono text-sm uppercase ${METHOD_CLASS[m]}`}>{m}</span>
                <code className="text-base">{p}</code>
              </h2>
              <p className="mt-1 text-sm text-slate-700">{op.summary}</p>
              {params.length > 0 ? (
                <>
                  <h3 className="mt-3 text-sm font-semibold">Parameters</h3>
                  <table className="w-full border-collapse text-sm">
                    <tbody>
                      {params.map((prm) => (
                        <tr key={`${prm.in}-${prm.name}`} className="border-b border-slate-100 align-top">
                          <td className="py-1 pr-3 font-mono text-xs">{prm.name}{prm.required ? <span className="text-red-700">*</span> : null}</td>
                          <td className="py-1 pr-3 text-xs text-slate-500">{prm.in}</td>
                          <td className="py-1 pr-3 font-mono text-xs text-slate-600">{typeOf(doc, prm.schema)}</td>
                          <td className="py-1 text-xs text-slate-700">{prm.description ?? resolve(doc, prm.schema).description ?? ""}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              ) : null}
              {op.requestBody ? (
                <>
                  <h3 className="mt-3 text-sm font-semibold">Request body</h3>
                  {Object.entries(op.requestBody.content as Record<string, Schema>).map(([type, media]) => (
                    <div key={type} className="mt-1">
                      <p className="font-mono text-xs text-slate-500">{type}</p>
                      <Fields doc={doc} schema={media.schema} />
                    </div>
                  ))}
                </>
              ) : null}
              <h3 className="mt-3 text-sm font-semibold">Responses</h3>
              <ul className="text-sm">
                {Object.entries(op.responses as Record<string, Schema>).map(([status, r]) => (
                  <li key={status} className="mt-1">
                    <span className={`mr-2 font-mono text-xs font-semibold ${status.startsWith("2") ? "text-emerald-800" : "text-red-800"}`}>{status}</span>
                    {r.description}
                    {status.startsWith("2") && r.content?.["application/json"] ? (
                      <details className="ml-8 mt-1">
                        <summary className="cursor-pointer text-xs text-indigo-700">Response fields</summary>
                        <Fields doc={doc} schema={r.content["application/json"].schema} />
                      </details>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          );
        }),
      )}
    </main>
  );
}
