/** The wizard's choices with short plain-language descriptions (our words, not the Act's text). */

export const ROLE_OPTIONS = [
  [
    "provider",
    "Provider",
    "You develop the system (or have it developed) and place it on the market or put it into service under your name.",
  ],
  ["deployer", "Deployer", "You use the system under your authority in a professional activity."],
  [
    "importer",
    "Importer",
    "You are established in the EU and place on the market a system bearing the name of a provider outside the EU.",
  ],
  [
    "distributor",
    "Distributor",
    "You make the system available on the EU market without being its provider or importer.",
  ],
  [
    "authorised-representative",
    "Authorised representative",
    "You act in the EU on behalf of a provider established outside it, under a written mandate.",
  ],
  [
    "product-manufacturer",
    "Product manufacturer",
    "You place the system on the market or put it into service together with your product, under your name.",
  ],
] as const;

export const PROHIBITED_OPTIONS = [
  [
    "a",
    "Manipulation",
    "Subliminal, manipulative or deceptive techniques that distort people's behaviour and cause significant harm.",
  ],
  [
    "b",
    "Exploiting vulnerabilities",
    "Exploits weaknesses due to age, disability or a social or economic situation, causing significant harm.",
  ],
  [
    "c",
    "Social scoring",
    "Rates people on their social behaviour or traits, leading to unjustified or unrelated detrimental treatment.",
  ],
  [
    "d",
    "Predicting crime from profiling",
    "Predicts the risk that a person commits a crime based only on profiling or personality traits.",
  ],
  [
    "e",
    "Scraping facial images",
    "Builds or expands facial recognition databases by untargeted scraping of images from the internet or CCTV.",
  ],
  [
    "f",
    "Emotions at work or school",
    "Infers emotions at the workplace or in education, except for medical or safety reasons.",
  ],
  [
    "g",
    "Sensitive biometric categorisation",
    "Sorts people by biometrics to deduce race, political opinions, union membership, religion or sex life.",
  ],
  [
    "h",
    "Real-time remote biometric identification",
    "Identifies people remotely in real time in public spaces for law enforcement, outside the narrow exceptions.",
  ],
] as const;

export const DEROGATION_OPTIONS = [
  [
    "narrow-procedural-task",
    "A narrow procedural task",
    "e.g. turning unstructured data into structured data, or sorting documents into categories.",
  ],
  [
    "improves-completed-human-activity",
    "Improves a completed human activity",
    "It only refines the result of work a person has already done, such as polishing a text.",
  ],
  [
    "detects-patterns-without-replacing-review",
    "Detects patterns without replacing review",
    "It flags deviations from earlier decision patterns; people still make and review the decision.",
  ],
  [
    "preparatory-task",
    "A preparatory task",
    "It only prepares an assessment that a person then makes, such as indexing or translating files.",
  ],
] as const;

export const TRANSPARENCY_OPTIONS = [
  ["interactsWithPersons", "It interacts directly with people (a chatbot, a voice assistant)", "Art. 50(1)"],
  ["generatesSyntheticContent", "It generates synthetic audio, images, video or text", "Art. 50(2)"],
  [
    "emotionRecognitionOrBiometricCategorisation",
    "It recognises emotions or categorises people by biometric data",
    "Art. 50(3)",
  ],
  ["deepFake", "It generates or manipulates deep fakes", "Art. 50(4)"],
  [
    "publicInterestText",
    "It publishes generated text to inform the public on matters of public interest",
    "Art. 50(4)",
  ],
] as const;

export const DEPLOYER_OPTIONS = [
  ["publicBodyOrPublicService", "You are a public body, or a private entity providing a public service", "Art. 27"],
  ["employer", "You use it at the workplace, as an employer (it affects your workers)", "Art. 26(7)"],
  ["decisionsAboutPersons", "It makes, or helps make, decisions about people", "Art. 26(11), Art. 86"],
  ["financialInstitution", "You are a regulated financial institution (bank, insurer, investment firm)", "Art. 26(5)"],
] as const;

/** The wizard's steps, in order; each field name belongs to exactly one step (to jump to errors). */
export const STEPS = [
  { title: "Your role", fields: ["operatorRoles", "placedOnMarketAt"] },
  { title: "AI system", fields: ["isAiSystem"] },
  { title: "Prohibited practices", fields: ["prohibitedPractice"] },
  { title: "Product safety (Annex I)", fields: ["annexIProduct"] },
  { title: "High-risk use (Annex III)", fields: ["annexIIIUseCase", "derogation", "profiling"] },
  { title: "Transparency (Art. 50)", fields: TRANSPARENCY_OPTIONS.map(([name]) => name) },
  { title: "General-purpose AI", fields: ["providesGpaiModel", "trainingComputeFlop", "designatedSystemicRisk"] },
  { title: "Deployer facts", fields: DEPLOYER_OPTIONS.map(([name]) => name) },
] as const satisfies readonly { title: string; fields: readonly string[] }[];

/** The step holding a field, or the first step for an unknown one. */
export function stepOfField(field: string): number {
  const index = STEPS.findIndex((s) => (s.fields as readonly string[]).includes(field));
  return index < 0 ? 0 : index;
}
