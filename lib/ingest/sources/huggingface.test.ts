import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { huggingfaceAdapter } from "./huggingface.ts";
import { readFixture } from "./shared/read-fixture.ts";

const encode = (value: unknown) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));
const parse = (value: unknown) => huggingfaceAdapter.parse(encode(value), new Headers());
const fixture = (name: string) => JSON.parse(readFixture(name, "utf8")) as Record<string, unknown>;
const parseFixture = (name: string) =>
  huggingfaceAdapter.parse(readFixture(name), new Headers({ "X-Webhook-Secret": "s" }));

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

const repo = {
  type: "model",
  name: "acme/fraud",
  id: "r1",
  private: true,
  url: { web: "https://huggingface.co/acme/fraud", api: "https://huggingface.co/api/models/acme/fraud" },
  headSha: "abc123",
};

describe("huggingfaceAdapter", () => {
  it("declares its kind", () => {
    expect(huggingfaceAdapter.kind).toBe("huggingface");
    expect(huggingfaceAdapter.contentTypes[0]).toBe("application/json");
  });

  it("reads a repo.content update as a registry event at the new head commit", () => {
    const result = parseFixture("hf-repo_content_update.json");
    expect(result).toMatchObject({ eventType: "repo.content.update", deliveryId: null, effectiveAt: null });
    expect(result.findings).toEqual([
      {
        key: "repo.content.update/model/some-user/some-repo@575db8b7a51b6f85eb06eee540738584589f131c",
        subject: { kind: "model", name: "some-user/some-repo", revision: "575db8b7a51b6f85eb06eee540738584589f131c" },
        check: "registry-event",
        outcome: "info",
        severity: null,
        title: "Hugging Face model some-user/some-repo content updated (2 refs)",
        observedAt: null,
        links: ["https://huggingface.co/some-user/some-repo"],
        attributes: {
          eventType: "repo.content.update",
          scope: "repo.content",
          action: "update",
          repoType: "model",
          repo: "some-user/some-repo",
          private: false,
          headSha: "575db8b7a51b6f85eb06eee540738584589f131c",
          refs: "refs/heads/main,refs/tags/test",
          createdRefs: 1,
          deletedRefs: 0,
        },
      },
    ]);
  });

  it("reads an opened pull request as community activity (event/info), without the comment text", () => {
    const result = parseFixture("hf-discussion_pr_created.json");
    expect(result).toMatchObject({ eventType: "discussion.create", deliveryId: null, effectiveAt: null });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      key: "discussion.create/model/openai-community/gpt2/discussion=19/comment=6399f58518721fdd27fc9caa",
      subject: { kind: "model", name: "openai-community/gpt2" },
      check: "event",
      outcome: "info",
      title: 'Hugging Face pull request #19 "Update co2 emissions" opened on model openai-community/gpt2',
      links: [
        "https://huggingface.co/openai-community/gpt2",
        "https://huggingface.co/openai-community/gpt2/discussions/19",
        "https://huggingface.co/openai-community/gpt2/discussions/19#6399f58518721fdd27fc9caa",
      ],
      attributes: { discussionNum: 19, isPullRequest: true, discussionStatus: "open", repoType: "model" },
    });
    expect(result.findings[0]?.subject).not.toHaveProperty("revision");
    expect(JSON.stringify(result)).not.toContain("Add co2 emissions information");
  });

  it("reads a merged pull request as a registry event", () => {
    const body = fixture("hf-discussion_pr_created.json");
    const result = parse({
      ...body,
      event: { action: "update", scope: "discussion" },
      discussion: { ...(body.discussion as object), status: "merged" },
    });
    expect(result.findings[0]).toMatchObject({
      check: "registry-event",
      title: 'Hugging Face pull request #19 "Update co2 emissions" merged into model openai-community/gpt2',
    });
  });

  it("maps repo scopes, datasets, spaces and narrower future scopes", () => {
    const created = parse({ event: { action: "create", scope: "repo" }, repo: { ...repo, type: "dataset" } });
    expect(created.findings[0]).toMatchObject({
      subject: { kind: "dataset", name: "acme/fraud", revision: "abc123" },
      check: "registry-event",
      title: "Hugging Face dataset acme/fraud created",
    });
    const config = parse({
      event: { action: "update", scope: "repo.config.dois" },
      repo: { ...repo, type: "space" },
      updatedConfig: { private: false },
    });
    expect(config.eventType).toBe("repo.config.dois.update");
    expect(config.findings[0]).toMatchObject({
      subject: { kind: "other", name: "acme/fraud" },
      check: "registry-event",
      title: "Hugging Face space acme/fraud settings updated",
      attributes: { updatedConfig: "private", repoType: "space" },
    });
  });

  it("keeps unknown scopes as info events naming the scope, tolerating odd field types", () => {
    const result = parse({
      event: { action: "ping", scope: "collection" },
      repo: { ...repo, private: "yes", url: "not an object" },
      brandNew: [1, 2],
    });
    expect(result.eventType).toBe("collection.ping");
    expect(result.findings[0]).toMatchObject({
      check: "event",
      outcome: "info",
      title: "Hugging Face event collection.ping on model acme/fraud",
      links: [],
      attributes: { scope: "collection", action: "ping", eventType: "collection.ping" },
    });
    expect(result.findings[0]?.attributes).not.toHaveProperty("private");
  });

  it("tolerates a missing repo", () => {
    const result = parse({ event: { action: "update", scope: "repo.content" } });
    expect(result.findings[0]).toMatchObject({
      subject: { kind: "other", name: "(unknown repository)" },
      check: "registry-event",
      links: [],
    });
  });

  it("reads an array of payloads with unique keys", () => {
    const one = { event: { action: "update", scope: "repo.content" }, repo };
    const result = parse([one, one]);
    expect(result.eventType).toBe("repo.content.update");
    expect(result.findings.map((f) => f.key)).toEqual([
      "0/repo.content.update/model/acme/fraud@abc123",
      "1/repo.content.update/model/acme/fraud@abc123",
    ]);
  });

  it("rejects non-JSON with bad_request and other JSON with validation_failed", () => {
    expect(thrown(() => huggingfaceAdapter.parse(encode("<xml/>"), new Headers())).code).toBe("bad_request");
    const foreign = thrown(() => parse({ hello: 1 }));
    expect(foreign.code).toBe("validation_failed");
    expect(foreign.issues.map((i) => i.field)).toEqual(["event"]);
    expect(thrown(() => parse({ event: { action: "update" } })).issues.map((i) => i.field)).toEqual(["event.scope"]);
    expect(thrown(() => parse([])).code).toBe("validation_failed");
  });
});
