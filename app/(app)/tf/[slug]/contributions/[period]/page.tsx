import type { Metadata } from "next";
import { Link } from "@/app/_components/Link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, loadForPage, serverCaller, trpc } from "@/app/_trpc/server";
import { getSessionUser } from "@/server/auth/session";
import { parsePeriod } from "@/server/domains/contributions/periods";
import { requireTaskForcePermission } from "../../_lib/taskForce";
import { ImportForm } from "./ImportForm";
import { OrganizationPicker } from "./OrganizationPicker";
import { PeriodTable } from "./PeriodTable";
import { ReportForm } from "./ReportForm";

export async function generateMetadata({ params }: PageProps<"/tf/[slug]/contributions/[period]">): Promise<Metadata> {
  const { period } = await params;
  return { title: (await getTranslations("contributions"))("periodTitle", { period }) };
}

export default async function ContributionPeriodPage({ params, searchParams }: PageProps<"/tf/[slug]/contributions/[period]">) {
  const { slug, period } = await params;
  const path = `/tf/${slug}/contributions/${period}`;
  const taskForce = await requireTaskForcePermission(slug, path, "contribution.read");
  if (!parsePeriod(period)) notFound();
  // The report form keeps what the person types on the device under their own id.
  const user = await getSessionUser();
  if (!user) notFound();
  const caller = await serverCaller();
  // A period that has not started is refused by the API: the page is "not found" then.
  const table = await loadForPage(() => caller.contribution.period({ taskForceSlug: slug, period }), path);
  const canSubmit = taskForce.permissions.includes("contribution.submit");
  const canManage = taskForce.permissions.includes("contribution.manage");
  const organizations = canManage ? await caller.organization.list({ taskForceSlug: slug }) : [];
  const requested = (await searchParams).organization;
  const organizationId = canManage
    ? (organizations.find((organization) => organization.id === requested) ?? organizations[0])?.id
    : undefined;
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.contribution.period.queryOptions({ taskForceSlug: slug, period })),
    canSubmit && (!canManage || organizationId)
      ? queryClient.prefetchQuery(trpc.contribution.report.queryOptions({ taskForceSlug: slug, period, ...(organizationId ? { organizationId } : {}) }))
      : null,
  ]);
  const t = await getTranslations("contributions");
  const format = await getFormatter();
  // Calendar dates: read at noon UTC and shown in UTC, so no time zone moves them to another day.
  const day = (value: string) => format.dateTime(new Date(`${value}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  return (
    <>
      <p>
        <Link href={`/tf/${slug}/contributions`}>{t("backToOverview")}</Link>
      </p>
      <h1>{t("periodTitle", { period })}</h1>
      <p className="lead">{t("periodDates", { start: day(table.period.start), end: day(table.period.end), dueOn: day(table.period.dueOn) })}</p>
      <HydrateClient namespaces={["charts", "contributions", "disciplines", "privacy", "suppression"]}>
        {canManage && organizationId && <OrganizationPicker slug={slug} period={period} organizations={organizations} selected={organizationId} />}
        {canSubmit && (!canManage || organizationId) && <ReportForm taskForceSlug={slug} taskForceId={taskForce.id} userId={user.id} period={period} organizationId={organizationId} />}
        <PeriodTable taskForceSlug={slug} period={period} />
        <section aria-labelledby="downloads-heading">
          <h2 id="downloads-heading">{t("downloads")}</h2>
          <p className="inline-actions">
            <a className="button" href={`${path}/download?file=csv`} download>
              {t("exportCsv")}
            </a>
            <a className="button" href={`${path}/download?file=xlsx`} download>
              {t("exportXlsx")}
            </a>
          </p>
        </section>
        {canSubmit && table.period.ended && <ImportForm taskForceSlug={slug} period={period} />}
      </HydrateClient>
    </>
  );
}
