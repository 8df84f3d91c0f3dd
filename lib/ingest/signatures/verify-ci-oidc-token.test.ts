import { readFileSync } from "node:fs";
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  SignJWT,
  UnsecuredJWT,
  type CryptoKey,
  type JWTPayload,
  type JWTVerifyGetKey,
} from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { fixturePath } from "../../testing/fixture-path.ts";
import type { CiOidcAllowList } from "./signature-types.ts";
import { verifyCiOidcToken } from "./verify-ci-oidc-token.ts";

const readClaims = (name: string) =>
  JSON.parse(readFileSync(fixturePath(`evidence/${name}`), "utf8")) as Record<string, unknown>;
const githubClaims = (readClaims("github-actions-oidc-token.claims.json") as { payload: JWTPayload }).payload;
const gitlabClaims = readClaims("gitlab-ci-id_token.claims.json") as JWTPayload;

const NOW_S = 1_790_000_000;
const now = new Date(NOW_S * 1000);
const GITHUB_AUD = "https://github.com/octo-org";
const GITLAB_AUD = "https://vault.example.com";
const GITLAB_ISSUER = "https://gitlab.example.com";
const githubAllowed: CiOidcAllowList = { githubRepositories: ["octo-org/octo-repo"] };
const gitlabAllowed: CiOidcAllowList = { gitlabIssuers: [GITLAB_ISSUER], gitlabProjects: ["my-group/my-project"] };

let privateKey: CryptoKey;
let otherPrivateKey: CryptoKey;
let getKey: JWTVerifyGetKey;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256");
  const other = await generateKeyPair("RS256");
  privateKey = pair.privateKey;
  otherPrivateKey = other.privateKey;
  const jwk = await exportJWK(pair.publicKey);
  getKey = createLocalJWKSet({ keys: [{ ...jwk, kid: "key-1", alg: "RS256", use: "sig" }] });
});

/** The fixture's claims with fresh times around `now` (overridable), everything else kept. */
function claims(base: JWTPayload, overrides: JWTPayload = {}): JWTPayload {
  return { ...base, iat: NOW_S - 10, nbf: NOW_S - 15, exp: NOW_S + 300, ...overrides };
}

function sign(payload: JWTPayload, key: CryptoKey = privateKey, kid = "key-1"): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: "RS256", typ: "JWT", kid }).sign(key);
}

async function rejection(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}

async function expectUnauthenticated(run: () => Promise<unknown>, message: RegExp): Promise<void> {
  const error = await rejection(run);
  expect(error.code).toBe("unauthenticated");
  expect(error.message).toMatch(message);
}

const verifyGithub = (token: string, allowed = githubAllowed, audience = GITHUB_AUD) =>
  verifyCiOidcToken({ token, getKey, audience, allowed, now });
const verifyGitlab = (token: string, allowed = gitlabAllowed, audience = GITLAB_AUD) =>
  verifyCiOidcToken({ token, getKey, audience, allowed, now });

describe("verifyCiOidcToken: accepted identities", () => {
  it("accepts a GitHub Actions token from an allowed repository", async () => {
    expect(await verifyGithub(await sign(claims(githubClaims)))).toEqual({
      provider: "github",
      issuer: "https://token.actions.githubusercontent.com",
      subject: "repo:octo-org/octo-repo:environment:prod",
      repository: "octo-org/octo-repo",
      repositoryId: "74",
      ref: "refs/heads/main",
      sha: "example-sha",
      workflow: "example-workflow",
      runId: "example-run-id",
    });
  });

  it("matches GitHub repositories case-insensitively, or by repository_id", async () => {
    const token = await sign(claims(githubClaims));
    expect((await verifyGithub(token, { githubRepositories: ["Octo-Org/Octo-Repo"] })).repository).toBe(
      "octo-org/octo-repo",
    );
    expect(await verifyGithub(token, { githubRepositoryIds: [74] })).toMatchObject({ repositoryId: "74" });
  });

  it("accepts a GitLab CI token from a configured issuer and allowed project", async () => {
    expect(await verifyGitlab(await sign(claims(gitlabClaims)))).toEqual({
      provider: "gitlab",
      issuer: GITLAB_ISSUER,
      subject: "project_path:my-group/my-project:ref_type:branch:ref:feature-branch-1",
      repository: "my-group/my-project",
      projectId: "20",
      ref: "refs/heads/feature-branch-1",
      sha: "714a629c0b401fdce83e847fc9589983fc6f46bc",
      pipelineId: "574",
      runId: "302",
    });
    const byId = await verifyGitlab(await sign(claims(gitlabClaims)), {
      gitlabIssuers: [GITLAB_ISSUER],
      gitlabProjectIds: [20],
    });
    expect(byId.repository).toBe("my-group/my-project");
  });

  it("allows 60 s of clock skew on exp and nbf", async () => {
    expect((await verifyGithub(await sign(claims(githubClaims, { exp: NOW_S - 50 })))).provider).toBe("github");
    expect((await verifyGithub(await sign(claims(githubClaims, { nbf: NOW_S + 50 })))).provider).toBe("github");
  });
});

describe("verifyCiOidcToken: rejections", () => {
  it("rejects a wrong audience, and an audience list with extra entries", async () => {
    await expectUnauthenticated(
      async () => verifyGithub(await sign(claims(githubClaims)), githubAllowed, "https://assay.example.com"),
      /^OIDC token audience "https:\/\/github.com\/octo-org" is not https:\/\/assay.example.com$/,
    );
    await expectUnauthenticated(
      async () => verifyGithub(await sign(claims(githubClaims, { aud: [GITHUB_AUD, "https://other.example"] }))),
      /is not exactly https:\/\/github.com\/octo-org/,
    );
  });

  it("rejects an expired token", async () => {
    await expectUnauthenticated(
      async () => verifyGithub(await sign(claims(githubClaims, { exp: NOW_S - 61 }))),
      /^OIDC token expired at /,
    );
  });

  it("rejects a token that is not yet valid", async () => {
    await expectUnauthenticated(
      async () => verifyGitlab(await sign(claims(gitlabClaims, { nbf: NOW_S + 120 }))),
      /^OIDC token is not valid before /,
    );
  });

  it("rejects a token without exp", async () => {
    const payload = claims(githubClaims);
    delete payload.exp;
    await expectUnauthenticated(async () => verifyGithub(await sign(payload)), /^OIDC token lacks the exp claim$/);
  });

  it("rejects an unknown kid", async () => {
    await expectUnauthenticated(
      async () => verifyGithub(await sign(claims(githubClaims), privateKey, "key-2")),
      /no key of the issuer matches the OIDC token's kid "key-2"/,
    );
  });

  it("rejects a token signed by another key under the right kid", async () => {
    await expectUnauthenticated(
      async () => verifyGithub(await sign(claims(githubClaims), otherPrivateKey)),
      /^OIDC token signature does not verify with the issuer's key$/,
    );
  });

  it("rejects an HS256 token", async () => {
    const token = await new SignJWT(claims(githubClaims))
      .setProtectedHeader({ alg: "HS256", kid: "key-1" })
      .sign(new TextEncoder().encode("a shared secret that is 32 bytes"));
    await expectUnauthenticated(
      async () => verifyGithub(token),
      /^OIDC token is signed with "HS256"; only RS256 is accepted$/,
    );
  });

  it("rejects alg none", async () => {
    const token = new UnsecuredJWT(claims(githubClaims)).encode();
    await expectUnauthenticated(async () => verifyGithub(token), /signed with "none"; only RS256 is accepted/);
  });

  it("rejects a GitHub repository that is not allowed", async () => {
    await expectUnauthenticated(
      async () =>
        verifyGithub(await sign(claims(githubClaims)), {
          githubRepositories: ["octo-org/other-repo"],
          githubRepositoryIds: [75],
        }),
      /^GitHub repository octo-org\/octo-repo \(id 74\) is not allowed to upload to this source$/,
    );
    await expectUnauthenticated(async () => verifyGithub(await sign(claims(githubClaims)), {}), /is not allowed/);
  });

  it("rejects a GitLab project that is not allowed", async () => {
    await expectUnauthenticated(
      async () =>
        verifyGitlab(await sign(claims(gitlabClaims)), {
          gitlabIssuers: [GITLAB_ISSUER],
          gitlabProjects: ["my-group/other"],
        }),
      /^GitLab project my-group\/my-project \(id 20\) is not allowed to upload to this source$/,
    );
  });

  it("does not let a GitLab allow-list admit a GitHub token or the reverse", async () => {
    await expectUnauthenticated(
      async () => verifyGithub(await sign(claims(githubClaims)), { gitlabProjects: ["octo-org/octo-repo"] }),
      /GitHub repository octo-org\/octo-repo .* is not allowed/,
    );
  });

  it("rejects an unsupported issuer without looking up any key", async () => {
    let lookups = 0;
    const countingGetKey: JWTVerifyGetKey = (header, token) => {
      lookups++;
      return getKey(header, token);
    };
    const token = await sign(claims(gitlabClaims));
    await expectUnauthenticated(
      () =>
        verifyCiOidcToken({
          token,
          getKey: countingGetKey,
          audience: GITLAB_AUD,
          allowed: { gitlabProjects: ["my-group/my-project"] },
          now,
        }),
      /^OIDC token issuer "https:\/\/gitlab.example.com" is not supported$/,
    );
    const foreign = await sign(
      claims(githubClaims, { iss: "https://token.actions.githubusercontent.com.evil.example" }),
    );
    await expectUnauthenticated(
      () =>
        verifyCiOidcToken({
          token: foreign,
          getKey: countingGetKey,
          audience: GITHUB_AUD,
          allowed: githubAllowed,
          now,
        }),
      /issuer .* is not supported/,
    );
    expect(lookups).toBe(0);
  });

  it("rejects malformed tokens and turns key-lookup failures into unauthenticated", async () => {
    await expectUnauthenticated(() => verifyGithub("not.a-jwt"), /OIDC token is malformed/);
    await expectUnauthenticated(() => verifyGithub(""), /empty or longer than/);
    const token = await sign(claims(githubClaims));
    const failing: JWTVerifyGetKey = () => Promise.reject(new TypeError("fetch failed"));
    await expectUnauthenticated(
      () => verifyCiOidcToken({ token, getKey: failing, audience: GITHUB_AUD, allowed: githubAllowed, now }),
      /signing keys are unavailable/,
    );
  });

  it("rejects a token whose identity claims are missing", async () => {
    const payload = claims(githubClaims);
    delete payload.sha;
    await expectUnauthenticated(async () => verifyGithub(await sign(payload)), /^OIDC token lacks the sha claim$/);
  });
});
