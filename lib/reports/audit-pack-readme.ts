import { PACK_FILES } from "./audit-pack-layout.ts";
import type { ReportData } from "./report-types.ts";

/** Pure: the README.txt at the top of an audit pack: what is inside and how to check it without Assay. */
export function auditPackReadme(data: ReportData, reportId: string): string {
  return [
    `Assay audit pack for report ${reportId}`,
    `Organization: ${data.organization.name} (${data.organization.slug})`,
    `Readiness snapshot ${data.snapshot.id} as of ${data.snapshot.asOf} (digest ${data.snapshot.digest})`,
    "",
    "Contents",
    `  ${PACK_FILES.report}                     the signed PDF report`,
    `  ${PACK_FILES.reportData}               the exact report data; its sha256 is printed on every page`,
    "  evidence/<id>.<ext>            every evidence file the report cites, byte for byte as received",
    `  ${PACK_FILES.assessmentResults}  OSCAL 1.1.3 assessment results for the snapshot`,
    "  oscal/catalogs/<id>.json       the catalogs used, as OSCAL catalogs",
    `  ${PACK_FILES.auditLog}            audit log entries (reports, waivers, evidence links, systems, signing)`,
    `  ${PACK_FILES.signer} / ${PACK_FILES.chain} / ${PACK_FILES.root}`,
    "                                 the signing certificate, its chain and the trust anchor",
    `  ${PACK_FILES.manifest} + ${PACK_FILES.manifestSignature}   sha256 and size of every file above, signed`,
    `  ${PACK_FILES.sums} + ${PACK_FILES.sumsSignature}       the same hashes for sha256sum, signed`,
    "",
    "Verify (with standard tools; `assay verify <pack.zip>` does all of this too)",
    `  1. openssl x509 -in ${PACK_FILES.root} -noout -fingerprint -sha256`,
    "     compare with the fingerprint the organization published for its report signing root",
    `  2. openssl verify -CAfile ${PACK_FILES.root} -untrusted ${PACK_FILES.chain} ${PACK_FILES.signer}`,
    `  3. openssl x509 -in ${PACK_FILES.signer} -pubkey -noout > signer-pub.pem`,
    `     openssl dgst -sha256 -verify signer-pub.pem -signature ${PACK_FILES.manifestSignature} ${PACK_FILES.manifest}`,
    `     openssl dgst -sha256 -verify signer-pub.pem -signature ${PACK_FILES.sumsSignature} ${PACK_FILES.sums}`,
    `  4. sha256sum --strict -c ${PACK_FILES.sums}    (and check that no file is present that it does not list)`,
    `  5. pdfsig ${PACK_FILES.report}    must say "Signature is Valid." and "Total document signed"`,
    `  6. sha256sum ${PACK_FILES.reportData}    must equal the "Report data sha256" on every page of the PDF`,
    "",
  ].join("\n");
}
