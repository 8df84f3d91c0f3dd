import type { Condition } from "../catalog/catalog-vocabulary.ts";
import type { ClassificationAnswers } from "./classification-input.ts";
import type { GpaiKind, RiskClass } from "./system-facts.ts";

export interface Classification {
  riskClass: RiskClass;
  gpai: GpaiKind;
  annexIIIUseCase: string | null;
  conditions: Condition[];
  /** The steps of the Act's logic that decided, in order, each citing its article. */
  reasoning: string[];
  /** Documentation the answers require (e.g. the Art. 6(4) assessment for a derogation). */
  documentationRequired: string[];
  /** False when the system is not an AI system under Art. 3(1): the Act does not apply. */
  inScope: boolean;
}

/** Systemic-risk presumption threshold of Art. 51(2), in FLOP. */
export const SYSTEMIC_RISK_FLOP = 1e25;

/**
 * Walks the EU AI Act's classification logic over the wizard's answers: AI system at all (Art. 3(1));
 * prohibited practice (Art. 5); Annex I product (Art. 6(1)); Annex III use case (Art. 6(2)) with the
 * Art. 6(3) derogation and its profiling exception; transparency triggers (Art. 50); general-purpose
 * AI model and the systemic-risk presumption (Art. 51). Pure.
 */
export function classifyAiSystem(a: ClassificationAnswers): Classification {
  const reasoning: string[] = [];
  const documentationRequired: string[] = [];
  const conditions = new Set<Condition>();
  if (!a.isAiSystem) {
    return {
      riskClass: "minimal",
      gpai: "none",
      annexIIIUseCase: null,
      conditions: [],
      reasoning: [
        "Art. 3(1): not an AI system (no inference from input to outputs with some autonomy), so the AI Act does not apply.",
      ],
      documentationRequired: ["A short record of why the system is not an AI system under Art. 3(1)."],
      inScope: false,
    };
  }
  reasoning.push("Art. 3(1): an AI system.");
  const transparency: [boolean, Condition, string][] = [
    [a.interactsWithPersons, "interacts-with-persons", "Art. 50(1): interacts directly with people"],
    [
      a.generatesSyntheticContent,
      "generates-synthetic-content",
      "Art. 50(2): generates synthetic audio, image, video or text",
    ],
    [
      a.emotionRecognitionOrBiometricCategorisation,
      "emotion-recognition-or-biometric-categorisation",
      "Art. 50(3): emotion recognition or biometric categorisation",
    ],
    [a.deepFake, "deep-fake", "Art. 50(4): generates or manipulates deep fakes"],
    [
      a.publicInterestText,
      "public-interest-text",
      "Art. 50(4): publishes generated text on matters of public interest",
    ],
  ];
  for (const [on, condition] of transparency) if (on) conditions.add(condition);
  const deployerFacts: [boolean, Condition][] = [
    [a.publicBodyOrPublicService, "public-body-or-public-service"],
    [a.employer, "employer"],
    [a.decisionsAboutPersons, "decisions-about-persons"],
    [a.financialInstitution, "financial-institution"],
  ];
  for (const [on, condition] of deployerFacts) if (on) conditions.add(condition);

  let gpai: GpaiKind = "none";
  if (a.providesGpaiModel) {
    const presumed = a.trainingComputeFlop !== null && a.trainingComputeFlop > SYSTEMIC_RISK_FLOP;
    gpai = presumed || a.designatedSystemicRisk ? "gpai-systemic" : "gpai";
    reasoning.push(
      gpai === "gpai-systemic"
        ? `Art. 51: a general-purpose AI model with systemic risk (${presumed ? "training compute above 10^25 FLOP, presumed under Art. 51(2)" : "designated by the Commission"}).`
        : "Art. 51: a general-purpose AI model without systemic risk.",
    );
  }

  let riskClass: RiskClass;
  let annexIIIUseCase: string | null = null;
  if (a.prohibitedPractice) {
    riskClass = "prohibited";
    reasoning.push(
      `Art. 5(1)(${a.prohibitedPractice}): a prohibited practice; it may not be placed on the market, put into service or used in the EU.`,
    );
  } else if (a.annexIProduct) {
    riskClass = "high-risk-annex-i";
    reasoning.push(
      "Art. 6(1): a safety component of (or itself) a product under Annex I legislation that needs third-party conformity assessment: high-risk.",
    );
  } else if (a.annexIIIUseCase) {
    annexIIIUseCase = a.annexIIIUseCase;
    if (a.derogation && !a.profiling) {
      riskClass = conditions.size > 0 ? "limited" : "minimal";
      conditions.add("annex-iii-derogation");
      reasoning.push(`Art. 6(2): listed in Annex III point ${a.annexIIIUseCase}.`);
      reasoning.push(
        `Art. 6(3): not high-risk, relying on the "${a.derogation}" condition, and it does not profile natural persons.`,
      );
      documentationRequired.push(
        "Art. 6(4): document the assessment before placing it on the market and register it under Art. 49(2); give it to authorities on request.",
      );
    } else {
      riskClass = "high-risk-annex-iii";
      reasoning.push(`Art. 6(2): listed in Annex III point ${a.annexIIIUseCase}: high-risk.`);
      if (a.derogation && a.profiling)
        reasoning.push(
          "Art. 6(3), last subparagraph: the derogation is not available because the system profiles natural persons.",
        );
      if (/^5\([bc]\)$/.test(a.annexIIIUseCase)) conditions.add("credit-or-insurance");
    }
  } else {
    riskClass =
      conditions.has("interacts-with-persons") ||
      conditions.has("generates-synthetic-content") ||
      conditions.has("emotion-recognition-or-biometric-categorisation") ||
      conditions.has("deep-fake") ||
      conditions.has("public-interest-text")
        ? "limited"
        : "minimal";
    reasoning.push("Art. 6: neither an Annex I product nor an Annex III use case: not high-risk.");
  }
  const triggered = transparency.filter(([on]) => on).map(([, , text]) => text);
  if (triggered.length > 0) reasoning.push(`Transparency duties apply: ${triggered.join("; ")}.`);
  else if (riskClass === "minimal")
    reasoning.push("No transparency trigger: minimal risk (AI literacy and voluntary codes still apply).");
  return {
    riskClass,
    gpai,
    annexIIIUseCase,
    conditions: [...conditions],
    reasoning,
    documentationRequired,
    inScope: true,
  };
}
