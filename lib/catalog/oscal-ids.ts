import { v5 as uuidv5 } from "uuid";

/** Our namespace for OSCAL props that OSCAL itself does not define. */
export const ASSAY_OSCAL_NS = "https://assay.example/ns/oscal";
export const OSCAL_VERSION = "1.1.3";

const UUID_NAMESPACE = "3b0f7c2e-6a43-5e5b-9d1e-6f2a4c8b7e10";

/** A stable UUID (v5) for a catalog object, so the same catalog always exports the same document. */
export function stableUuid(name: string): string {
  return uuidv5(name, UUID_NAMESPACE);
}

/**
 * An OSCAL token for a stable node id: OSCAL ids cannot contain ":", so the framework prefix is dropped
 * (`eu-ai-act:art-26-6` -> `art-26-6`); the full id travels in a `stable-id` prop.
 */
export function oscalId(nodeId: string): string {
  const local = nodeId.slice(nodeId.indexOf(":") + 1);
  return /^[A-Za-z_]/.test(local) ? local : `_${local}`;
}
