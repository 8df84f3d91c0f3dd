import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireOrgPageAccess } from "@/lib/auth/require-org-page-access.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { getAiSystem } from "@/lib/systems/get-ai-system.ts";
import type { AiSystemSummary } from "@/lib/systems/to-ai-system-summary.ts";
import type { ClassificationRequest } from "@/lib/ui/classification-form.ts";
import { readClassificationRecord } from "@/lib/ui/read-classification-record.ts";
import { PageHeader } from "@/app/_components/page-header.tsx";
import { getAnnexIIIAreas } from "@/lib/catalog/get-annex-iii-areas.ts";
import { ClassificationWizard } from "./classification-wizard.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Classify an AI system" };

export default async function ClassifyPage({ params }: { params: Promise<{ org: string; systemId: string }> }) {
  const { org, systemId } = await params;
  const { prisma, ctx } = await requireOrgPageAccess("PAGE /o/[org]/systems/[systemId]/classify", { org, systemId });
  let system: AiSystemSummary;
  try {
    system = await getAiSystem(prisma, ctx, systemId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const systemPath = `/o/${ctx.org.slug}/systems/${system.id}`;
  // Start from the previous answers when there are some, so classifying again only changes what changed.
  const initial: ClassificationRequest = {
    operatorRoles: system.operatorRoles,
    placedOnMarketAt: system.placedOnMarketAt,
    answers: readClassificationRecord(system.classification).answers,
  };

  return (
    <>
      <p>
        <Link href={systemPath}>← Back to {system.name}</Link>
      </p>
      <PageHeader title={`Classify ${system.name}`}>
        Answer eight short steps about {system.name} under the EU AI Act. Assay works out its risk class, explains why,
        and lists the obligations that follow for your role(s), with their dates. Nothing is saved until the last step.
      </PageHeader>
      <ClassificationWizard
        orgSlug={ctx.org.slug}
        systemId={system.id}
        returnTo={systemPath}
        areas={await getAnnexIIIAreas(prisma)}
        initial={initial}
      />
    </>
  );
}
