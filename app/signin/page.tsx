import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getPageUser } from "@/lib/auth/get-page-user.ts";
import { getConfig } from "@/lib/config/get-config.ts";
import { safeCallbackUrl } from "@/lib/ui/safe-callback-url.ts";
import { SignInForm } from "./signin-form.tsx";
import { SsoButton } from "./sso-button.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

/** Messages for the error codes next-auth puts in `?error=` after a failed single sign-on. */
const SSO_ERRORS: Record<string, string> = {
  AccessDenied: "Single sign-on worked, but this account may not use Assay. Ask an admin to add you.",
  OAuthSignin: "Could not start single sign-on. Try again, or sign in with your password.",
  OAuthCallback: "Single sign-on did not complete. Try again, or sign in with your password.",
  Callback: "Single sign-on did not complete. Try again, or sign in with your password.",
  SessionRequired: "Sign in to continue.",
};

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Permission-table key "PAGE /signin": public, so it does not call requirePageAccess (that would send
 * anonymous visitors back here). People who are already signed in go straight on.
 */
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  const callbackUrl = safeCallbackUrl(first(query.callbackUrl));
  if (await getPageUser()) redirect(callbackUrl);
  const config = getConfig();
  const errorCode = first(query.error);
  const initialError = errorCode ? (SSO_ERRORS[errorCode] ?? "Sign-in failed. Try again.") : null;

  return (
    <main className="auth-page">
      <div className="auth-card">
        <span className="brand-dark">Assay</span>
        <h1>Sign in</h1>
        <SignInForm callbackUrl={callbackUrl} initialError={initialError} />
        {config.OIDC_ISSUER ? (
          <>
            <p className="divider">or</p>
            <SsoButton providerName={config.OIDC_NAME} callbackUrl={callbackUrl} />
          </>
        ) : null}
      </div>
    </main>
  );
}
