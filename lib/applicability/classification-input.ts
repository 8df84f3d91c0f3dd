import { z } from "zod";

const ART5_PRACTICES = ["a", "b", "c", "d", "e", "f", "g", "h"] as const;
const DEROGATIONS = [
  "narrow-procedural-task",
  "improves-completed-human-activity",
  "detects-patterns-without-replacing-review",
  "preparatory-task",
] as const;

/**
 * The classification wizard's answers, one per step of the Act's logic (Art. 3(1), 5, 6(1), 6(2) with
 * Annex III, 6(3), 50, 51). Strict: an unknown answer is an error, not ignored.
 */
export const classificationInput = z.strictObject({
  /** Art. 3(1): a machine-based system that infers from input how to generate outputs, with some autonomy. */
  isAiSystem: z.boolean(),
  /** Art. 5(1): the letter of a prohibited practice it falls under, or null. */
  prohibitedPractice: z.enum(ART5_PRACTICES).nullable().default(null),
  /** Art. 6(1): a safety component of (or itself) a product under Annex I legislation needing third-party conformity assessment. */
  annexIProduct: z.boolean().default(false),
  /** Art. 6(2): the Annex III point and letter, e.g. "4(a)", or null. */
  annexIIIUseCase: z
    .string()
    .regex(/^[1-8]\([a-h]\)$/, 'must be an Annex III point and letter such as "4(a)"')
    .nullable()
    .default(null),
  /** Art. 6(3): the condition the provider relies on to say an Annex III system is not high-risk, or null. */
  derogation: z.enum(DEROGATIONS).nullable().default(null),
  /** Art. 6(3), last subparagraph: the system profiles natural persons (then it is always high-risk). */
  profiling: z.boolean().default(false),
  /** Art. 50 transparency triggers. */
  interactsWithPersons: z.boolean().default(false),
  generatesSyntheticContent: z.boolean().default(false),
  emotionRecognitionOrBiometricCategorisation: z.boolean().default(false),
  deepFake: z.boolean().default(false),
  publicInterestText: z.boolean().default(false),
  /** Art. 3(63), 51: the organization provides a general-purpose AI model with or as this system. */
  providesGpaiModel: z.boolean().default(false),
  /** Art. 51(2): cumulative training compute in FLOP (presumption of high-impact capabilities above 1e25). */
  trainingComputeFlop: z.number().nonnegative().nullable().default(null),
  /** Art. 51(1)(b): designated by the Commission as having systemic risk. */
  designatedSystemicRisk: z.boolean().default(false),
  /** Deployer facts that narrow obligations (Art. 26, 27, 86). */
  publicBodyOrPublicService: z.boolean().default(false),
  employer: z.boolean().default(false),
  decisionsAboutPersons: z.boolean().default(false),
  financialInstitution: z.boolean().default(false),
});
export type ClassificationAnswers = z.output<typeof classificationInput>;
