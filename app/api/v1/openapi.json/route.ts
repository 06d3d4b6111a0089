import { json } from "@/lib/api/errors";
import { openApiDocument } from "@/lib/api/openapi";

// Public: the document describes the API, it holds no data.
export function GET() {
  return json(openApiDocument(), 200, { "Cache-Control": "public, max-age=300" });
}
