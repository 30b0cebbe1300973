import { getTranslations } from "next-intl/server";
import { SelectField } from "@/app/_components/forms";

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
      <SelectField label={t("organizationPicker")} name="organization" options={organizations.map(({ id, name }) => ({ value: id, label: name }))} defaultValue={selected} />
      <button type="submit" className="secondary">
        {t("showOrganization")}
      </button>
    </form>
  );
}
