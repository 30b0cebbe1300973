"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/app/_trpc/client";

/**
 * The grant requirements a record is evidence for, shown on the record's own page (a gap's, and
 * later a meeting's or an MOU's), so the link between work and grant reads both ways.
 */
export function LinkedRequirements({ taskForceSlug, kind, recordId }: { taskForceSlug: string; kind: string; recordId: string }) {
  const t = useTranslations("requirements");
  const trpc = useTRPC();
  const linked = useQuery(trpc.grant.linkedRequirements.queryOptions({ taskForceSlug, kind, recordId }));
  if (!linked.data || linked.data.length === 0) return null;
  return (
    <section aria-labelledby="linked-requirements-heading">
      <h2 id="linked-requirements-heading">{t("linkedHeading")}</h2>
      <ul>
        {linked.data.map((requirement) => (
          <li key={requirement.requirementId}>
            <Link href={`/tf/${taskForceSlug}/grants/${requirement.grantId}`}>{t("linkedItem", { title: requirement.title, award: requirement.awardNumber })}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
