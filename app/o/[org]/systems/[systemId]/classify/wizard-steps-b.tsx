import { Field } from "@/app/_components/field.tsx";
import type { AnnexIIIArea } from "../../annex-iii.ts";
import { Choice, Question } from "./wizard-controls.tsx";
import { DEPLOYER_OPTIONS, DEROGATION_OPTIONS, TRANSPARENCY_OPTIONS } from "./wizard-options.ts";
import type { StepProps } from "./wizard-steps-a.tsx";

const yes = (p: StepProps, name: string) => p.initial.answers[name] === true;
const text = (p: StepProps, name: string) => {
  const v = p.initial.answers[name];
  return typeof v === "string" || typeof v === "number" ? String(v) : "";
};

/** Step 5: Art. 6(2) with Annex III, the Art. 6(3) derogation and its profiling exception. */
export function AnnexIIIStep(props: StepProps & { areas: readonly AnnexIIIArea[] }) {
  const { errors, areas } = props;
  const derogation = text(props, "derogation");
  return (
    <>
      <Field
        id="wizard-annexIIIUseCase"
        name="annexIIIUseCase"
        label="Annex III use case"
        error={errors.annexIIIUseCase}
        hint={
          areas.length === 0
            ? "The EU AI Act catalog's Annex III list is not loaded, so no use case can be chosen here."
            : "Art. 6(2): the high-risk areas of Annex III. Choose the one use case that fits, or none."
        }
      >
        {(control) => (
          <select {...control} defaultValue={text(props, "annexIIIUseCase")}>
            <option value="">None of these</option>
            {areas.map((area) => (
              <optgroup key={area.point} label={`${area.point}. ${area.title}`}>
                {area.useCases.map((u) => (
                  <option key={u.letter} value={`${area.point}(${u.letter})`}>
                    {`${area.point}(${u.letter}) ${u.summary}`}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <Question
        name="derogation"
        legend="Do you rely on an Art. 6(3) derogation?"
        hint="Only for an Annex III use case: it is not high-risk if it does not materially influence decisions and meets one of these conditions. You must document the assessment (Art. 6(4))."
        error={errors.derogation}
      >
        <Choice type="radio" name="derogation" value="" label="No derogation" defaultChecked={derogation === ""} />
        {DEROGATION_OPTIONS.map(([value, label, description]) => (
          <Choice
            key={value}
            type="radio"
            name="derogation"
            value={value}
            label={label}
            description={description}
            defaultChecked={derogation === value}
          />
        ))}
      </Question>
      <Question name="profiling" legend="Profiling" error={errors.profiling}>
        <Choice
          type="checkbox"
          name="profiling"
          value="yes"
          label="It profiles natural persons"
          description="Art. 6(3), last subparagraph: an Annex III system that profiles people is always high-risk; no derogation applies."
          defaultChecked={yes(props, "profiling")}
        />
      </Question>
    </>
  );
}

function Checkboxes(props: StepProps & { legend: string; hint: string; options: readonly (readonly string[])[] }) {
  return (
    <Question name={props.options[0]?.[0] ?? "group"} legend={props.legend} hint={props.hint}>
      {props.options.map(([name = "", label, article]) => (
        <div key={name}>
          <Choice
            type="checkbox"
            name={name}
            value="yes"
            label={label}
            description={article}
            defaultChecked={yes(props, name)}
            invalid={Boolean(props.errors[name])}
          />
          {props.errors[name] ? (
            <p className="field-error" role="alert">
              {label} {props.errors[name]}
            </p>
          ) : null}
        </div>
      ))}
    </Question>
  );
}

/** Step 6: Art. 50 transparency triggers. */
export function TransparencyStep(props: StepProps) {
  return (
    <Checkboxes
      {...props}
      legend="Which transparency triggers apply?"
      hint="Art. 50: people must be told when they deal with AI or AI-made content. Tick all that apply."
      options={TRANSPARENCY_OPTIONS}
    />
  );
}

/** Step 7: Art. 51 and 53: general-purpose AI models. */
export function GpaiStep(props: StepProps) {
  const { errors } = props;
  return (
    <>
      <Question
        name="gpai"
        legend="General-purpose AI model"
        error={errors.providesGpaiModel ?? errors.designatedSystemicRisk}
      >
        <Choice
          type="checkbox"
          name="providesGpaiModel"
          value="yes"
          label="You provide a general-purpose AI model with, or as, this system"
          description="Art. 3(63): a model trained on broad data that can competently perform a wide range of distinct tasks."
          defaultChecked={yes(props, "providesGpaiModel")}
        />
        <Choice
          type="checkbox"
          name="designatedSystemicRisk"
          value="yes"
          label="The Commission designated the model as having systemic risk"
          description="Art. 51(1)(b)."
          defaultChecked={yes(props, "designatedSystemicRisk")}
        />
      </Question>
      <Field
        id="wizard-trainingComputeFlop"
        name="trainingComputeFlop"
        label="Training compute in FLOP"
        error={errors.trainingComputeFlop}
        hint="Optional. The cumulative compute used to train the model, e.g. 3e24. Above 10^25 FLOP the model is presumed to have systemic risk (Art. 51(2))."
      >
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="decimal"
            spellCheck={false}
            defaultValue={text(props, "trainingComputeFlop")}
          />
        )}
      </Field>
    </>
  );
}

/** Step 8: facts about the deployer that narrow its duties (Art. 26, 27, 86). */
export function DeployerStep(props: StepProps) {
  return (
    <Checkboxes
      {...props}
      legend="Facts about how you deploy it"
      hint="Only deployer duties depend on these. Tick all that apply."
      options={DEPLOYER_OPTIONS}
    />
  );
}
