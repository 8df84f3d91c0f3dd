import { AppError } from "../errors/app-error.ts";

/**
 * The CI job's OIDC token for `assay evidence push` when no --token is given: GitHub Actions hands one
 * out on request (the job needs `permissions: id-token: write`), asking for this Assay as audience;
 * GitLab CI puts the one declared under `id_tokens:` in a variable (ASSAY_ID_TOKEN by convention).
 * Returns null when the environment offers neither.
 */
export async function readCiOidcToken(audience: string, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (requestUrl && requestToken) {
    const url = new URL(requestUrl);
    url.searchParams.set("audience", audience);
    const res = await fetch(url, { headers: { authorization: `Bearer ${requestToken}` } });
    if (!res.ok) throw new AppError("unauthenticated", `GitHub Actions refused an OIDC token (${res.status}).`);
    const body = (await res.json()) as { value?: unknown };
    if (typeof body.value !== "string") throw new AppError("unauthenticated", "GitHub Actions sent no OIDC token.");
    return body.value;
  }
  return env.ASSAY_ID_TOKEN ?? null;
}
