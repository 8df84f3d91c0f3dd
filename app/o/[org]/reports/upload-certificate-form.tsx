"use client";

import { useState } from "react";
import type { SigningIdentitySummary } from "@/lib/reports/signing-identity-summary.ts";
import { apiRequest, type ApiResult } from "@/app/_components/api-request.ts";
import { Field } from "@/app/_components/field.tsx";
import { FormPanel } from "@/app/_components/form-panel.tsx";
import { formText } from "@/app/_components/form-text.ts";
import { useApiForm } from "@/app/_components/use-api-form.ts";

/** The API refuses larger files (lib/reports/upload-signing-certificate.ts). */
const MAX_BYTES = 256 * 1024;

const refuse = (field: string, message: string): ApiResult<SigningIdentitySummary> => ({
  ok: false,
  status: 0,
  code: "validation_failed",
  message: "",
  issues: [{ field, message }],
});

/** Bytes as base64, in chunks (a spread of a whole file could exceed the argument limit). */
function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * An admin replaces the organization's signing identity with their own PKCS#12 (.p12/.pfx): the file is
 * read in the browser and sent as base64 with its passphrase. The server checks it (RSA key, matching
 * certificate, valid now, allowed to sign) and says why it refuses one, next to the file field.
 */
export function UploadCertificateForm({ orgSlug }: { orgSlug: string }) {
  const form = useApiForm("The certificate was not uploaded: check the fields marked below.");
  const { fields } = form;
  const [done, setDone] = useState<string | null>(null);

  async function submit(element: HTMLFormElement) {
    setDone(null);
    const uploaded = await form.submit(element, async (data) => {
      const file = data.get("pkcs12");
      if (!(file instanceof File) || file.size === 0) return refuse("pkcs12", "must be chosen: a .p12 or .pfx file.");
      if (file.size > MAX_BYTES) return refuse("pkcs12", "is larger than 256 KiB: that is not a PKCS#12 signing file.");
      const pkcs12 = toBase64(new Uint8Array(await file.arrayBuffer()));
      return apiRequest<SigningIdentitySummary>(
        "PUT",
        `/api/v1/orgs/${encodeURIComponent(orgSlug)}/signing-certificate`,
        { pkcs12, passphrase: formText(data, "passphrase") },
      );
    });
    if (uploaded) {
      setDone(
        `Uploaded: new reports are signed by ${uploaded.subject}, root SHA-256 ${uploaded.fingerprint}. Reports already signed keep their signer.`,
      );
    }
  }

  // The server names what is wrong with the file itself on the field `certificate`.
  const refused = fields.certificate ? `refused: ${fields.certificate}` : undefined;
  const fileError = [fields.pkcs12, refused].filter(Boolean).join("; ") || undefined;
  return (
    <FormPanel
      id="upload-certificate"
      title="Use your own certificate"
      error={form.error}
      onSubmit={(f) => void submit(f)}
    >
      <Field
        id="certificate-file"
        name="pkcs12"
        label="PKCS#12 file"
        error={fileError}
        hint="A .p12 or .pfx file (up to 256 KiB) with one RSA private key and its certificate, valid now and allowed to sign, with the chain up to your root."
      >
        {(control) => <input {...control} type="file" accept=".p12,.pfx,application/x-pkcs12" required />}
      </Field>
      <Field
        id="certificate-passphrase"
        name="passphrase"
        label="Passphrase"
        error={fields.passphrase}
        hint="Opens the file; Assay stores it sealed with the key."
      >
        {(control) => <input {...control} type="password" autoComplete="off" maxLength={1024} />}
      </Field>
      <button type="submit" disabled={form.busy || !form.hydrated}>
        {form.busy ? "Uploading…" : "Upload certificate"}
      </button>
      <p role="status" className="form-status">
        {done}
      </p>
    </FormPanel>
  );
}
