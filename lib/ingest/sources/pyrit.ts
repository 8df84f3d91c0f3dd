import { z } from "zod";
import { AppError } from "../../errors/app-error.ts";
import { parseEmbeddedJson } from "../json/parse-embedded-json.ts";
import { parseJsonBytes } from "../json/parse-json-bytes.ts";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";
import { judgePyritScore } from "./pyrit/judge-pyrit-score.ts";
import { isRecord } from "./shared/is-record.ts";
import { lenientList } from "./shared/lenient-list.ts";
import { lenientNumber } from "./shared/lenient-number.ts";
import { lenientRecord } from "./shared/lenient-record.ts";
import { lenientString } from "./shared/lenient-string.ts";
import { pickLatestTime } from "./shared/pick-latest-time.ts";
import { readString } from "./shared/read-string.ts";
import { toIsoTime, type ToIsoTimeOptions } from "./shared/to-iso-time.ts";
import { truncateText } from "./shared/truncate-text.ts";

/**
 * Microsoft PyRIT: a conversation export, i.e. the `to_dict()` of the message pieces in PyRIT's memory
 * (`MemoryExporter.export_to_json` writes a bare JSON array of them; a wrapper object holding them under
 * `conversation`, `conversations`, `messages` or `pieces` is accepted too, as is an array of such
 * wrappers), or a list of scores alone. Field names were checked against Azure/PyRIT
 * `pyrit/models/message_piece.py` (`MessagePiece.to_dict`; the older `PromptRequestPiece` names the
 * attack `orchestrator_identifier`) and `pyrit/models/score.py` (`Score.to_dict`; older releases say
 * `prompt_request_response_id`/`task`, newer `message_piece_id`/`objective`). Identifiers and labels
 * read from PyRIT's database arrive as JSON-encoded strings and are decoded.
 *
 * One `red-team` finding per score (see `judgePyritScore` for how a score becomes pass or fail; float
 * scales fail at 0.5 and above). An export with no score at all is kept as one `event` info finding.
 * PyRIT writes local times without a zone; they are read as UTC.
 */

const WRAPPER_KEYS = ["conversation", "conversations", "messages", "pieces", "prompt_request_pieces"] as const;

/** PyRIT writes local times without a zone (`datetime.isoformat()`); they are read as UTC. */
const PYRIT_TIME: ToIsoTimeOptions = { text: "any", zonelessAsUtc: true };
const identifier = z.preprocess((value) => parseEmbeddedJson(value), lenientRecord);

const scoreSchema = z.looseObject({
  id: lenientString,
  score_value: z.union([z.string(), z.number(), z.boolean()]),
  score_value_description: lenientString,
  score_type: z.string(),
  score_category: z.preprocess(
    (value) => parseEmbeddedJson(value),
    z
      .union([z.array(z.string()), z.string()])
      .nullish()
      .catch(null),
  ),
  score_rationale: lenientString,
  scorer_class_identifier: identifier,
  message_piece_id: lenientString,
  prompt_request_response_id: lenientString,
  timestamp: lenientString,
});

type PyritScore = z.output<typeof scoreSchema>;

const pieceSchema = z.looseObject({
  id: lenientString,
  role: z.string(),
  conversation_id: lenientString,
  sequence: lenientNumber,
  timestamp: lenientString,
  labels: identifier,
  prompt_target_identifier: identifier,
  attack_identifier: identifier,
  orchestrator_identifier: identifier,
  response_error: lenientString,
  scores: lenientList,
});

type PyritPiece = z.output<typeof pieceSchema>;

function parse(raw: Uint8Array): ParsedEvidence {
  const items = flatten(parseJsonBytes(raw, "PyRIT export"));
  if (items.length === 0) throw new AppError("validation_failed", "This is not a PyRIT export: it holds no messages.");

  const pieces: PyritPiece[] = [];
  const looseScores: PyritScore[] = [];
  for (const [index, item] of items.entries()) {
    if (isRecord(item) && "score_value" in item && !("role" in item)) {
      looseScores.push(parseSourceShape(scoreSchema, item, `PyRIT score (item ${index})`));
    } else {
      pieces.push(parseSourceShape(pieceSchema, item, `PyRIT message piece (item ${index})`));
    }
  }

  const findings: NormalizedFinding[] = [];
  const seenScores = new Set<string>();
  const times: string[] = [];
  const piecesById = new Map(pieces.flatMap((p) => (p.id ? [[p.id, p] as const] : [])));
  for (const piece of pieces) {
    const pieceTime = toIsoTime(piece.timestamp, PYRIT_TIME);
    if (pieceTime) times.push(pieceTime);
    for (const [index, rawScore] of (piece.scores ?? []).entries()) {
      const score = parseSourceShape(scoreSchema, rawScore, `PyRIT score (piece ${piece.id ?? "?"}, score ${index})`);
      const finding = scoreFinding(score, piece, index, seenScores);
      if (finding) findings.push(finding);
    }
  }
  for (const [index, score] of looseScores.entries()) {
    const pieceId = score.message_piece_id ?? score.prompt_request_response_id ?? null;
    const finding = scoreFinding(score, (pieceId && piecesById.get(pieceId)) || null, index, seenScores);
    if (finding) findings.push(finding);
  }
  for (const finding of findings) if (finding.observedAt) times.push(finding.observedAt);

  if (findings.length === 0) {
    const conversations = new Set(pieces.map((p) => p.conversation_id ?? ""));
    findings.push({
      key: "export",
      subject: targetSubject(pieces.find((p) => p.prompt_target_identifier) ?? null),
      check: "event",
      outcome: "info",
      severity: null,
      title: `PyRIT export of ${pieces.length} message pieces in ${conversations.size} conversations, none scored`,
      observedAt: pickLatestTime(times),
      links: [],
      attributes: { eventType: "conversation_export", pieces: pieces.length, conversations: conversations.size },
    });
  }

  return {
    eventType: pieces.length === 0 ? "pyrit.scores" : "pyrit.conversation_export",
    deliveryId: null,
    effectiveAt: pickLatestTime(times),
    findings,
  };
}

/** The pieces (or scores) of a bare array, a wrapper object, or an array of wrappers. */
function flatten(value: unknown): unknown[] {
  if (Array.isArray(value)) return (value as unknown[]).flatMap((item) => (isWrapper(item) ? unwrap(item) : [item]));
  if (isWrapper(value)) return unwrap(value);
  if (isRecord(value) && Array.isArray(value.scores) && !("role" in value)) return value.scores as unknown[];
  if (isRecord(value) && "role" in value) return [value];
  throw new AppError(
    "validation_failed",
    `This is not a PyRIT export: expected an array of message pieces or an object holding one under ${WRAPPER_KEYS.join(", ")}.`,
  );
}

function isWrapper(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && !("role" in value) && WRAPPER_KEYS.some((key) => Array.isArray(value[key]));
}

function unwrap(wrapper: Record<string, unknown>): unknown[] {
  return WRAPPER_KEYS.flatMap((key) => {
    const list = wrapper[key];
    return Array.isArray(list) ? (list as unknown[]) : [];
  });
}

function scoreFinding(
  score: PyritScore,
  piece: PyritPiece | null,
  index: number,
  seenScores: Set<string>,
): NormalizedFinding | null {
  const pieceId = piece?.id ?? score.message_piece_id ?? score.prompt_request_response_id ?? null;
  const scorer = typeName(score.scorer_class_identifier) ?? "unknown scorer";
  const key = score.id ? `score=${score.id}` : `piece=${pieceId ?? "none"}/scorer=${scorer}/${index}`;
  if (seenScores.has(key)) return null;
  seenScores.add(key);

  const categories = Array.isArray(score.score_category)
    ? score.score_category
    : score.score_category
      ? [score.score_category]
      : [];
  const judgement = judgePyritScore({
    scoreType: score.score_type,
    value: score.score_value,
    scorer,
    categories,
  });
  const attack = typeName(piece?.attack_identifier) ?? typeName(piece?.orchestrator_identifier);
  const labels = piece?.labels ?? null;
  const category = categories.join(",") || null;
  const verdict =
    judgement.outcome === "fail"
      ? "attack succeeded"
      : judgement.outcome === "pass"
        ? "target resisted"
        : judgement.outcome === "error"
          ? "score unreadable"
          : `unknown score type "${truncateText(score.score_type, 40)}"`;
  return {
    key,
    subject: targetSubject(piece),
    check: "red-team",
    outcome: judgement.outcome,
    severity: null,
    title: `PyRIT ${scorer}${category ? ` (${category})` : ""}: ${verdict}`,
    ...(score.score_rationale ? { detail: truncateText(score.score_rationale, 500) } : {}),
    observedAt: toIsoTime(score.timestamp, PYRIT_TIME) ?? toIsoTime(piece?.timestamp, PYRIT_TIME),
    links: [],
    attributes: {
      scorer,
      category,
      scoreType: score.score_type,
      scoreValue: judgement.value,
      conversationId: piece?.conversation_id ?? null,
      attack: attack ?? null,
      operation: labels && typeof labels.op_name === "string" ? labels.op_name : null,
      responseError: piece?.response_error && piece.response_error !== "none" ? piece.response_error : null,
    },
  };
}

function targetSubject(piece: PyritPiece | null): NormalizedFinding["subject"] {
  const target = piece?.prompt_target_identifier ?? null;
  const model = target ? (readString(target.model_name) ?? readString(target.deployment_name)) : null;
  return { kind: "model", name: model ?? typeName(target) ?? "PyRIT target" };
}

/** A PyRIT identifier's class: `__type__` in most releases, `class_name` in the newest. */
function typeName(identifier: Record<string, unknown> | null | undefined): string | null {
  if (!identifier) return null;
  return readString(identifier.__type__) ?? readString(identifier.class_name) ?? readString(identifier.type);
}

export const pyritAdapter: SourceAdapter = {
  kind: "pyrit",
  contentTypes: ["application/json"],
  parse,
};
