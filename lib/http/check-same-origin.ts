import { AppError } from "../errors/app-error.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for cookie-authenticated, state-changing requests: the browser must say the request is
 * same-origin (`Sec-Fetch-Site`), or send an `Origin` equal to the app's. A request with neither is
 * refused too: every browser that can carry our cookie sends at least one of them.
 */
export function checkSameOrigin(req: Request, appUrl: string): void {
  if (SAFE_METHODS.has(req.method)) return;
  const site = req.headers.get("sec-fetch-site");
  if (site === "same-origin") return;
  const origin = req.headers.get("origin");
  if (site === null && origin !== null && origin === new URL(appUrl).origin) return;
  throw new AppError(
    "forbidden",
    "Cross-site request refused: state-changing requests must come from Assay's own pages.",
  );
}
