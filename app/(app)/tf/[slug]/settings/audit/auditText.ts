import { useTranslations } from "next-intl";
import { useReadableValues } from "@/app/_components/forms";
import type messages from "@/app/i18n/messages/en.json";
import { isReferenceField } from "@/db/vocabulary/audit";
import { valueGroupOf, type AuditValueNames } from "./auditValues";

type Catalog = (typeof messages)["audit"];
type NameKey = `entities.${keyof Catalog["entities"]}` | `actions.${keyof Catalog["actions"]}` | `fields.${keyof Catalog["fields"]}`;

/**
 * An audit entry in the reader's words: the record and what was done to it as the catalog names
 * them, each field by its label, each value as the app shows it elsewhere (a status or a role by
 * its name, a date in the reader's locale, a person, organization or roadmap element of the task
 * force by name) or else as stored. A name the catalog lacks (one an
 * older version of the app wrote) shows as stored rather than not at all.
 */
export function useAuditText(valueNames: AuditValueNames, referenceNames: Readonly<Record<string, string>>) {
  const t = useTranslations("audit");
  const readable = useReadableValues();
  const named = (group: "entities" | "actions" | "fields", name: string) => {
    const key = `${group}.${name}` as NameKey;
    return t.has(key) ? t(key) : name;
  };

  function valueText(entity: string, field: string, value: unknown): string {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return t("empty");
    if (Array.isArray(value)) return value.map((one) => valueText(entity, field, one)).join(", ");
    if (typeof value === "boolean") return t(value ? "yes" : "no");
    if (typeof value === "number") return String(value);
    if (typeof value === "object") return recordText(value);
    if (typeof value !== "string") return JSON.stringify(value);
    // A person or organization the entry refers to by id (named by the server), or a roadmap element by its key.
    if ((isReferenceField(field) || field === "elementKey") && Object.hasOwn(referenceNames, value)) return referenceNames[value]!;
    const group = valueGroupOf(entity, field);
    return (group === undefined ? undefined : valueNames[group]?.[value]) ?? String(readable({ value }).value);
  }

  /** A record kept whole in a change (an uploaded document, an in-kind resource) by what names it to a person. */
  function recordText(value: object): string {
    if ("filename" in value && typeof value.filename === "string") return value.filename;
    if ("description" in value && typeof value.description === "string") return value.description;
    return JSON.stringify(value);
  }

  function fieldText(entity: string, field: string): string {
    // A measure counted by sector or service type is stored as "measure.dimension".
    const [measure = field, dimension] = field.split(".");
    return dimension === undefined ? named("fields", field) : t("fieldPart", { field: named("fields", measure), part: valueText(entity, measure, dimension) });
  }

  return {
    what: (entry: { entity: string; action: string }) => t("entry", { entity: named("entities", entry.entity), action: named("actions", entry.action) }),
    change(entity: string, field: string, change: { from: unknown; to: unknown }) {
      const label = fieldText(entity, field);
      // A value kept beside a change to say what it concerns (which program a funder joined), not changed itself.
      return JSON.stringify(change.from) === JSON.stringify(change.to)
        ? t("context", { field: label, value: valueText(entity, field, change.from) })
        : t("change", { field: label, from: valueText(entity, field, change.from), to: valueText(entity, field, change.to) });
    },
  };
}
