import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/open-database.ts";
import { seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";
import { createPrismaAdapter } from "./create-prisma-adapter.ts";
import { createSession } from "./create-session.ts";
import { findSessionUser } from "./find-session-user.ts";
import { hashSecret } from "./hash-secret.ts";
import { isSessionLive } from "./is-session-live.ts";

const MIN = 60_000;
const HOUR = 60 * MIN;
const config = { ASSAY_SESSION_IDLE_MINUTES: 60, ASSAY_SESSION_MAX_HOURS: 12 };
const T0 = new Date("2026-11-24T08:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe("isSessionLive", () => {
  const fresh = { createdAt: T0, lastSeenAt: T0, expires: at(12 * HOUR) };

  it("ends a session at the idle timeout, counted from its last use", () => {
    expect(isSessionLive(fresh, config, at(60 * MIN - 1))).toBe(true);
    expect(isSessionLive(fresh, config, at(60 * MIN))).toBe(false);
    expect(isSessionLive({ ...fresh, lastSeenAt: at(5 * HOUR) }, config, at(5 * HOUR + 59 * MIN))).toBe(true);
  });

  it("ends a session at its absolute lifetime however busy it is", () => {
    const busy = { ...fresh, lastSeenAt: at(12 * HOUR - MIN) };
    expect(isSessionLive(busy, config, at(12 * HOUR - 1))).toBe(true);
    expect(isSessionLive(busy, config, at(12 * HOUR))).toBe(false);
  });

  it("applies a lowered ASSAY_SESSION_MAX_HOURS to sessions opened before, and never extends one", () => {
    const recent = { ...fresh, lastSeenAt: at(2 * HOUR) };
    expect(isSessionLive(recent, { ...config, ASSAY_SESSION_MAX_HOURS: 2 }, at(2 * HOUR))).toBe(false);
    const stored = { ...fresh, lastSeenAt: at(3 * HOUR), expires: at(3 * HOUR) };
    expect(isSessionLive(stored, { ...config, ASSAY_SESSION_MAX_HOURS: 720 }, at(3 * HOUR))).toBe(false);
  });
});

let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;
beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  f = await seedAuthzFixture(db.prisma);
});
afterAll(async () => cleanup());

const rowCount = (token: string) => db.prisma.session.count({ where: { sessionToken: hashSecret(token) } });

describe("findSessionUser with a controllable clock", () => {
  it("createSession stamps the session with the clock it is given", async () => {
    const { token, expires } = await createSession(db.prisma, f.members.ciso.userId, config, T0);
    expect(expires).toEqual(at(12 * HOUR));
    const row = await db.prisma.session.findUniqueOrThrow({ where: { sessionToken: hashSecret(token) } });
    expect(row).toMatchObject({ createdAt: T0, lastSeenAt: T0, expires: at(12 * HOUR) });
  });

  it("an idle session is refused and deleted, so it never comes back", async () => {
    const { token } = await createSession(db.prisma, f.members.ciso.userId, config, T0);
    expect(await findSessionUser(db.prisma, token, config, at(30 * MIN))).toMatchObject({ kind: "user" });
    // Use moved the idle clock: 89 minutes after opening is 59 minutes after the last use.
    expect(await findSessionUser(db.prisma, token, config, at(89 * MIN))).not.toBeNull();
    expect(await findSessionUser(db.prisma, token, config, at(89 * MIN + 60 * MIN))).toBeNull();
    expect(await rowCount(token)).toBe(0);
    expect(await findSessionUser(db.prisma, token, config, at(90 * MIN))).toBeNull();
  });

  it("a session in constant use still ends at its absolute lifetime", async () => {
    const { token } = await createSession(db.prisma, f.members.ciso.userId, config, T0);
    for (let t = 30 * MIN; t < 12 * HOUR; t += 30 * MIN) {
      expect(await findSessionUser(db.prisma, token, config, at(t)), `at +${t / MIN} min`).not.toBeNull();
    }
    expect(await findSessionUser(db.prisma, token, config, at(12 * HOUR))).toBeNull();
    expect(await rowCount(token)).toBe(0);
  });

  it("a disabled user's session is refused", async () => {
    const { token } = await createSession(db.prisma, f.members.compliance.userId, config, T0);
    await db.prisma.user.update({ where: { id: f.members.compliance.userId }, data: { disabledAt: T0 } });
    expect(await findSessionUser(db.prisma, token, config, at(MIN))).toBeNull();
    await db.prisma.user.update({ where: { id: f.members.compliance.userId }, data: { disabledAt: null } });
  });
});

describe("next-auth's view of sessions (the database adapter)", () => {
  it("applies the same idle and absolute limits and deletes a dead session", async () => {
    let now = T0;
    const adapter = createPrismaAdapter(
      () => Promise.resolve(db.prisma),
      config,
      () => now,
    );
    const getSessionAndUser = adapter.getSessionAndUser;
    if (!getSessionAndUser) throw new Error("the adapter must implement getSessionAndUser");

    const idle = await createSession(db.prisma, f.members.engineer.userId, config, T0);
    now = at(59 * MIN);
    expect(await getSessionAndUser(idle.token)).toMatchObject({ user: { id: f.members.engineer.userId } });
    now = at(60 * MIN);
    expect(await getSessionAndUser(idle.token)).toBeNull();
    expect(await rowCount(idle.token)).toBe(0);

    const old = await createSession(db.prisma, f.members.engineer.userId, config, T0);
    await db.prisma.session.updateMany({
      where: { sessionToken: hashSecret(old.token) },
      data: { lastSeenAt: at(12 * HOUR - MIN) },
    });
    now = at(12 * HOUR);
    expect(await getSessionAndUser(old.token)).toBeNull();
    expect(await rowCount(old.token)).toBe(0);
  });
});
