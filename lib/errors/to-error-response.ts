import { AppError } from "./app-error.ts";
import { getLogger } from "../log/get-logger.ts";
import { toStorageInputError } from "./to-storage-input-error.ts";

/**
 * Turns any thrown value into a JSON error response with a stable code. A value the database cannot
 * store (NUL, unpaired surrogate, date out of range) is the request's fault: 422. Unknown errors are logged
 * with their stack and answered with `internal` and the request id only: no stack trace or driver
 * message ever reaches the client.
 */
export function toErrorResponse(error: unknown, requestId: string): Response {
  const appError =
    error instanceof AppError
      ? error
      : (toStorageInputError(error) ?? new AppError("internal", "Something went wrong on our side."));
  if (!(error instanceof AppError) || appError.status >= 500) {
    getLogger().error({ err: error, requestId }, "request failed");
  }
  const body = {
    error: {
      code: appError.code,
      message: appError.message,
      ...(appError.issues.length > 0 ? { issues: appError.issues } : {}),
      requestId,
    },
  };
  return Response.json(body, {
    status: appError.status,
    headers: {
      "x-request-id": requestId,
      "cache-control": "no-store",
      ...(appError.retryAfterSeconds !== undefined ? { "retry-after": String(appError.retryAfterSeconds) } : {}),
    },
  });
}
