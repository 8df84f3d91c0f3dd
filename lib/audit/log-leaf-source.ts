/** What a log leaf stands for: a piece of evidence (its bytes by sha256) or an audit entry. */
export type LogLeafSource =
  | { kind: "evidence"; orgId: string; evidenceId: string; sha256: string; receivedAt: Date }
  | {
      kind: "audit";
      orgId: string;
      entryId: string;
      createdAt: Date;
      action: string;
      actorType: string;
      actorId: string | null;
      targetType: string;
      targetId: string | null;
      data: unknown;
    };
