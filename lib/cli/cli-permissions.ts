import type { RouteKey } from "../auth/route-permissions.ts";

/** An id the command takes, the kind of object it names, and what a foreign or unknown id must give. */
export interface CliIdParameter {
  /** `<arg>` for a positional argument, else the option's flag. */
  name: string;
  object: "system" | "integration" | "report";
  /**
   * `not-found`: the command fails with not_found and prints nothing; `refused`: a scope naming it is
   * refused as "not AI systems of this organization" (as an unknown id is); `no-rows`: a filter that
   * matches nothing.
   */
  foreign: "not-found" | "refused" | "no-rows";
}

/**
 * Who may run which `assay` command, and on what: the CLI's part of the permission table
 * (lib/auth/route-permissions.ts is the HTTP part). lib/cli/cli-permissions.test.ts fails when a
 * command exists that this table does not list, and generates the object-level tests from it.
 *
 * - `offline`: reads only files it is given (no database, no server): anyone with the file.
 * - `operator`: runs with the database URL and the instance secret, i.e. as the deployment's
 *   operator (the same trust as a database administrator: the CLI has no sign-in). `instance`
 *   commands act on the whole deployment; `org` commands must name the organization with `--org`,
 *   and every id they take is looked up inside that organization only.
 * - `remote`: talks to a running Assay over HTTP with an API token or CI OIDC token, and is
 *   authorized by that route's own row in the HTTP table.
 */
export type CliAccess =
  | { kind: "offline" }
  | { kind: "operator"; scope: "instance" }
  | { kind: "operator"; scope: "org"; ids: readonly CliIdParameter[] }
  | { kind: "remote"; route: RouteKey };

const instance = { kind: "operator", scope: "instance" } as const;
const org = (...ids: CliIdParameter[]) => ({ kind: "operator", scope: "org", ids }) as const;
const system = (name: string, foreign: CliIdParameter["foreign"] = "not-found"): CliIdParameter => ({
  name,
  object: "system",
  foreign,
});

export const CLI_PERMISSIONS = {
  start: instance,
  worker: instance,
  migrate: instance,
  seed: instance,
  health: instance,
  "org create": instance,
  "org list": instance,
  "catalog sync": instance,
  "catalog check": { kind: "offline" },
  "catalog export": { kind: "offline" },
  "catalog schema": { kind: "offline" },
  verify: { kind: "offline" },
  "user create": org(),
  "token create": org(),
  "system create": org(),
  "system list": org(),
  "system obligations": org(system("<systemId>")),
  "integration create": org(system("--system")),
  "integration rotate": org({ name: "<id>", object: "integration", foreign: "not-found" }),
  "evidence list": org(system("--system", "no-rows"), {
    name: "--integration",
    object: "integration",
    foreign: "no-rows",
  }),
  "evidence push": { kind: "remote", route: "POST /api/v1/evidence" },
  score: org(system("--system")),
  "report create": org(system("--system", "refused")),
  "pack create": org({ name: "--report", object: "report", foreign: "not-found" }, system("--system", "refused")),
  "audit verify": org(),
  "audit checkpoint": org(),
} as const satisfies Record<string, CliAccess>;

export type CliCommand = keyof typeof CLI_PERMISSIONS;
