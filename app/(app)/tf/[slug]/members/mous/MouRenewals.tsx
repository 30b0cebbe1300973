import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CalendarDate } from "@/app/_components/charts/format";
import { serverCaller } from "@/app/_trpc/server";

/**
 * Dashboard widget: MOUs expiring within 90 days or expired (funders see the shared ones). Self-
 * contained, so the dashboard adds it with one line; renders nothing for roles that cannot read MOUs.
 */
export async function MouRenewals({ slug, permissions }: { slug: string; permissions: readonly string[] }) {
  if (!permissions.includes("mou.read")) return null;
  const { renewals } = await (await serverCaller()).mou.renewals({ taskForceSlug: slug });
  const t = await getTranslations("mous");
  return (
    <section aria-labelledby="mou-renewals-heading">
      <h2 id="mou-renewals-heading">{t("renewalsTitle")}</h2>
      {renewals.length === 0 ? (
        <p>{t("renewalsNone")}</p>
      ) : (
        <ul>
          {renewals.map((mou) => (
            <li key={mou.id}>
              <Link href={`/tf/${slug}/members/mous#mou-${mou.id}`}>{mou.title}</Link>
              {": "}
              {mou.daysLeft < 0 ? t("expiredOn") : t("expiresIn", { days: mou.daysLeft })} <CalendarDate value={mou.expiresOn} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
