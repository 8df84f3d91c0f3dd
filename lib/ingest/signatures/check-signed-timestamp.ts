import { AppError } from "../../errors/app-error.ts";

const UNIX_SECONDS = /^[0-9]{1,12}$/;

/**
 * Checks a sender-stated send time given as integer Unix seconds (the form Standard Webhooks and MLflow
 * sign) and returns it as ISO 8601. The time must lie within `toleranceSeconds` of `now` in either
 * direction: too old is a replay, too far ahead is a clock or forgery problem.
 */
export function checkSignedTimestamp(value: string, headerName: string, now: Date, toleranceSeconds: number): string {
  if (!UNIX_SECONDS.test(value)) {
    throw new AppError("unauthenticated", `${headerName} is malformed; expected integer Unix seconds`);
  }
  const seconds = Number(value);
  const skew = seconds - Math.floor(now.getTime() / 1000);
  if (Math.abs(skew) > toleranceSeconds) {
    const direction = skew < 0 ? "in the past" : "in the future";
    throw new AppError(
      "unauthenticated",
      `${headerName} is ${Math.abs(skew)} s ${direction}; allowed ±${toleranceSeconds} s`,
    );
  }
  return new Date(seconds * 1000).toISOString();
}
