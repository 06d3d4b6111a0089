import { ApiError, errorResponse } from "@/lib/api/errors";

// Unknown paths under /api/v1 answer in the API's error shape, never with the HTML 404 page.
// Not an endpoint: excluded from the OpenAPI document on purpose.
function unknownPath(): Response {
  return errorResponse(new ApiError(404, "not_found", "No such API endpoint: see /api/v1/openapi.json."));
}
export const GET = unknownPath;
export const POST = unknownPath;
export const PUT = unknownPath;
export const PATCH = unknownPath;
export const DELETE = unknownPath;
