import { TEST_APP_URL } from "./use-app-database.ts";

export interface Caller {
  cookie?: string;
  bearer?: string;
}

export interface CallOptions {
  method: string;
  /** Route template, e.g. /api/v1/orgs/[org]/members/[memberId]. */
  template: string;
  params: Record<string, string>;
  as?: Caller;
  body?: unknown;
  headers?: Record<string, string>;
  /** Query string parameters. */
  query?: Record<string, string>;
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * Calls a Next.js route handler exported by app/<template>/route.ts directly with a real Request
 * (same code path as in the server, minus the HTTP socket).
 */
export async function callRoute(opts: CallOptions): Promise<{ status: number; body: unknown; response: Response }> {
  const mod = (await import(/* @vite-ignore */ `../../app${opts.template}/route.ts`)) as Record<string, Handler>;
  const handler = mod[opts.method];
  if (!handler) throw new Error(`app${opts.template}/route.ts exports no ${opts.method}`);
  const path = opts.template.replace(/\[([^\]]+)\]/g, (_, name: string) => encodeURIComponent(opts.params[name] ?? ""));
  const headers = new Headers(opts.headers);
  if (opts.as?.cookie) headers.set("cookie", `next-auth.session-token=${opts.as.cookie}`);
  if (opts.as?.bearer) headers.set("authorization", `Bearer ${opts.as.bearer}`);
  if (opts.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  // A browser on our own pages sends this; tests that pass their own headers decide for themselves.
  if (opts.method !== "GET" && opts.headers === undefined) headers.set("sec-fetch-site", "same-origin");
  const search = opts.query ? `?${new URLSearchParams(opts.query).toString()}` : "";
  const req = new Request(`${TEST_APP_URL}${path}${search}`, {
    method: opts.method,
    headers,
    ...(opts.body !== undefined
      ? {
          body:
            typeof opts.body === "string" || opts.body instanceof Uint8Array
              ? (opts.body as string | Uint8Array<ArrayBuffer>)
              : JSON.stringify(opts.body),
        }
      : {}),
  });
  const response = await handler(req, { params: Promise.resolve(opts.params) });
  const text = await response.clone().text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: response.status, body, response };
}
