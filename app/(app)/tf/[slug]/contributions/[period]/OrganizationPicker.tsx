import { getTranslations } from "next-intl/server";

/** Coordinators choose whose report to open; a plain GET form, so it works before scripts load. */
export async function OrganizationPicker({
  slug,
  period,
  organizations,
  selected,
}: {
  slug: string;
  period: string;
  organizations: { id: string; name: string }[];
  selected: string;
}) {
  const t = await getTranslations("contributions");
  return (
    <form method="get" action={`/tf/${slug}/contributions/${period}`} className="inline-actions" aria-label={t("organizationPicker")}>
      <div className="field">
        <label htmlFor="contribution-organization">{t("organizationPicker")}</label>
        <select id="contribution-organization" name="organization" defaultValue={selected}>
          {organizations.map((organization) => (
            <option key={organization.id} value={organization.id}>
              {organization.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="secondary">
        {t("showOrganization")}
      </button>
    </form>
  );
}
