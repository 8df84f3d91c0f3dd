import type { Catalog } from "./catalog-types.ts";
import type { MappingFile } from "./catalog-schema.ts";
import { ASSAY_OSCAL_NS, OSCAL_VERSION, oscalId, stableUuid } from "./oscal-ids.ts";

/**
 * An OSCAL mapping collection for one crosswalk file: one mapping from the source catalog to the target
 * catalog (or external id list), one map per edge with its relationship and our rationale as remarks;
 * source nodes with no counterpart are listed in the source gap summary.
 */
export function toOscalMapping(
  m: MappingFile,
  catalog: Catalog,
  lastModified: string,
): { "mapping-collection": Record<string, unknown> } {
  const title = (id: string): string =>
    catalog.frameworks.find((f) => f.framework.id === id)?.framework.title ??
    catalog.externals.find((e) => e.system === id)?.title ??
    id;
  const resource = (id: string) => ({
    uuid: stableUuid(`${m.mapping.id}/resource/${id}`),
    title: title(id),
    props: [{ name: "framework-id", value: id, ns: ASSAY_OSCAL_NS }],
  });
  const source = resource(m.mapping.source);
  const target = resource(m.mapping.target);
  const targetIsExternal = !catalog.frameworks.some((f) => f.framework.id === m.mapping.target);
  const ref = (id: string, external: boolean) => ({
    type: "control",
    "id-ref": external ? id.slice(id.indexOf(":") + 1) : oscalId(id),
    props: [{ name: "stable-id", value: id, ns: ASSAY_OSCAL_NS }],
  });
  return {
    "mapping-collection": {
      uuid: stableUuid(`mapping/${m.mapping.id}`),
      metadata: {
        title: m.mapping.title,
        "last-modified": lastModified,
        version: "1.0",
        "oscal-version": OSCAL_VERSION,
        remarks: m.mapping.description,
      },
      provenance: {
        method: "human",
        "matching-rationale": "semantic",
        status: "draft",
        "mapping-description": m.mapping.description,
      },
      mappings: [
        {
          uuid: stableUuid(`mapping/${m.mapping.id}/main`),
          "source-resource": { type: "catalog", href: `#${source.uuid}` },
          "target-resource": { type: "catalog", href: `#${target.uuid}` },
          maps: m.edges.map((e) => ({
            uuid: stableUuid(`mapping/${m.mapping.id}/${e.from}/${e.to}`),
            relationship: e.relationship,
            sources: [ref(e.from, false)],
            targets: [ref(e.to, targetIsExternal)],
            remarks: e.rationale,
          })),
          ...(m.unmapped && m.unmapped.length > 0
            ? { remarks: m.unmapped.map((u) => `${u.node}: ${u.rationale}`).join("\n\n") }
            : {}),
          ...(m.unmapped && m.unmapped.length > 0
            ? {
                "source-gap-summary": {
                  uuid: stableUuid(`mapping/${m.mapping.id}/gaps`),
                  "unmapped-controls": [
                    { "with-child-controls": "no", "with-ids": m.unmapped.map((u) => oscalId(u.node)) },
                  ],
                },
              }
            : {}),
        },
      ],
      "back-matter": { resources: [source, target] },
    },
  };
}
