import type { AuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { getConfig } from "../config/get-config.ts";
import { getDatabase } from "../db/get-database.ts";
import { createPrismaAdapter } from "./create-prisma-adapter.ts";
import { getAuthSecret } from "./get-auth-secret.ts";
import { sessionCookieOptions } from "./session-cookie-options.ts";

interface OidcProfile {
  sub: string;
  email?: string;
  name?: string;
  preferred_username?: string;
}

/**
 * next-auth 4 options: database sessions (revocable rows), and the generic OIDC provider when
 * OIDC_ISSUER / OIDC_CLIENT_ID / OIDC_CLIENT_SECRET are set. An SSO sign-in is matched to an existing
 * Assay user by email (the issuer is trusted by configuration); access still needs a membership.
 *
 * Password sign-in is Assay's own credentials provider (POST /api/v1/session): next-auth 4 refuses
 * credentials with database sessions, so that route writes the same Session table instead.
 */
export function getAuthOptions(): AuthOptions {
  const config = getConfig();
  const providers: OAuthConfig<OidcProfile>[] = [];
  if (config.OIDC_ISSUER && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: config.OIDC_NAME,
      type: "oauth",
      wellKnown: `${config.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: config.OIDC_CLIENT_ID,
      clientSecret: config.OIDC_CLIENT_SECRET,
      idToken: true,
      checks: ["pkce", "state"],
      authorization: { params: { scope: "openid email profile" } },
      allowDangerousEmailAccountLinking: true,
      profile(profile) {
        return {
          id: profile.sub,
          email: (profile.email ?? "").toLowerCase(),
          name: profile.name ?? profile.preferred_username ?? null,
        };
      },
    });
  }
  return {
    secret: getAuthSecret(),
    providers,
    adapter: createPrismaAdapter(async () => (await getDatabase()).prisma, config),
    session: { strategy: "database", maxAge: config.ASSAY_SESSION_MAX_HOURS * 3600, updateAge: 0 },
    pages: { signIn: "/signin", error: "/signin" },
    cookies: { sessionToken: sessionCookieOptions(config.url) },
    callbacks: {
      signIn({ user }) {
        return typeof user.email === "string" && user.email.length > 0;
      },
    },
  };
}
