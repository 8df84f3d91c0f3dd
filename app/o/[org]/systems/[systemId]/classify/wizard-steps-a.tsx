import type { ClassificationRequest } from "@/lib/ui/classification-form.ts";
import { Field } from "@/app/_components/field.tsx";
import { Choice, Question, YesNo } from "./wizard-controls.tsx";
import { PROHIBITED_OPTIONS, ROLE_OPTIONS } from "./wizard-options.ts";

export interface StepProps {
  initial: ClassificationRequest;
  errors: Record<string, string>;
}

const yes = (initial: ClassificationRequest, name: string) => initial.answers[name] === true;

/** Step 1: the organization's operator role(s) for the system, and when it was placed on the market. */
export function RoleStep({ initial, errors }: StepProps) {
  return (
    <>
      <Question
        name="operatorRoles"
        legend="Your organization's role(s) for this system"
        errorLabel="The choice of roles"
        hint="Choose every role that fits (Art. 3(3)-(8)); most obligations bind one role only."
        error={errors.operatorRoles}
      >
        {ROLE_OPTIONS.map(([value, label, description]) => (
          <Choice
            key={value}
            type="checkbox"
            name="operatorRoles"
            value={value}
            label={label}
            description={description}
            defaultChecked={initial.operatorRoles.includes(value)}
            invalid={Boolean(errors.operatorRoles)}
          />
        ))}
      </Question>
      <Field
        id="wizard-placedOnMarketAt"
        name="placedOnMarketAt"
        label="Placed on the market or put into service on"
        error={errors.placedOnMarketAt}
        hint="Leave empty if it is not on the market or in service yet. Systems already in use before a deadline can fall under the transitional rules of Art. 111."
      >
        {(control) => <input {...control} type="date" defaultValue={initial.placedOnMarketAt ?? ""} />}
      </Field>
    </>
  );
}

/** Step 2: Art. 3(1). */
export function AiSystemStep({ initial, errors }: StepProps) {
  return (
    <YesNo
      name="isAiSystem"
      legend="Is it an AI system?"
      hint="Art. 3(1): a machine-based system that works with some autonomy and infers from its input how to produce outputs such as predictions, content, recommendations or decisions. Plain rule-based software written entirely by people is not."
      value={initial.answers.isAiSystem !== false}
      error={errors.isAiSystem}
    />
  );
}

/** Step 3: Art. 5(1)(a)-(h). */
export function ProhibitedStep({ initial, errors }: StepProps) {
  const current = typeof initial.answers.prohibitedPractice === "string" ? initial.answers.prohibitedPractice : "";
  return (
    <Question
      name="prohibitedPractice"
      legend="Does it fall under a prohibited practice?"
      hint="Art. 5(1) bans these practices outright in the EU."
      error={errors.prohibitedPractice}
    >
      <Choice type="radio" name="prohibitedPractice" value="" label="None of these" defaultChecked={current === ""} />
      {PROHIBITED_OPTIONS.map(([letter, label, description]) => (
        <Choice
          key={letter}
          type="radio"
          name="prohibitedPractice"
          value={letter}
          label={`Art. 5(1)(${letter}): ${label}`}
          description={description}
          defaultChecked={current === letter}
        />
      ))}
    </Question>
  );
}

/** Step 4: Art. 6(1) and Annex I. */
export function AnnexIStep({ initial, errors }: StepProps) {
  return (
    <YesNo
      name="annexIProduct"
      legend="Is it a safety component of a product under Annex I, or such a product itself?"
      hint="Art. 6(1): products covered by the EU harmonisation legislation listed in Annex I (machinery, toys, medical devices, lifts, radio equipment…) that need a third-party conformity assessment."
      value={yes(initial, "annexIProduct")}
      error={errors.annexIProduct}
    />
  );
}
