"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ROLES } from "@/lib/auth/roles.ts";
import type { MemberSummary } from "@/lib/members/list-members.ts";
import { apiRequest } from "@/app/_components/api-request.ts";

interface MemberRowProps {
  orgSlug: string;
  member: MemberSummary;
  /** The signed-in admin's own row: changing it here could lock them out, so another admin does it. */
  isSelf: boolean;
}

/** One member: a role select with a save button, and a remove button that asks first. */
export function MemberRow({ orgSlug, member, isSelf }: MemberRowProps) {
  const router = useRouter();
  const [role, setRole] = useState<string>(member.role);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const url = `/api/v1/orgs/${encodeURIComponent(orgSlug)}/members/${encodeURIComponent(member.id)}`;
  const selectId = `role-${member.id}`;

  async function saveRole() {
    setBusy(true);
    setError(null);
    const result = await apiRequest("PATCH", url, { role });
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    router.refresh();
  }

  async function remove() {
    if (!window.confirm(`Remove ${member.email} from this organization? They are signed out at once.`)) return;
    setBusy(true);
    setError(null);
    const result = await apiRequest("DELETE", url);
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    router.refresh();
  }

  return (
    <tr>
      <td>
        {member.email}
        {isSelf ? (
          <>
            {" "}
            <span className="badge badge-info">you</span>
          </>
        ) : null}
      </td>
      <td>{member.name ?? "—"}</td>
      <td>
        <label htmlFor={selectId} className="visually-hidden">
          Role for {member.email}
        </label>
        <select id={selectId} value={role} disabled={isSelf || busy} onChange={(e) => setRole(e.currentTarget.value)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </td>
      <td>
        <div className="inline-controls">
          {!isSelf ? (
            <>
              <button
                type="button"
                className="secondary small"
                disabled={busy || role === member.role}
                onClick={() => void saveRole()}
              >
                Save role<span className="visually-hidden"> for {member.email}</span>
              </button>
              <button type="button" className="danger small" disabled={busy} onClick={() => void remove()}>
                Remove<span className="visually-hidden"> {member.email}</span>
              </button>
            </>
          ) : (
            <span className="hint">Another admin can change your own role.</span>
          )}
          {error ? (
            <span role="alert" className="field-error">
              {error}
            </span>
          ) : null}
        </div>
      </td>
    </tr>
  );
}
