import type { Database } from "@/server/lib/unitOfWork";
import { findCurrentFrameworkVersionOfTaskForce } from "./frameworks.queries";
import { frameworkInLanguage } from "./frameworkLanguage";

/**
 * The names people read for the element and area keys that gaps, suggestions and reports store
 * (`A.information-sharing` is a key, not a name), from the task force's current framework version,
 * in the reader's language (`locale`).
 */
export async function frameworkElements(db: Database, taskForceId: string, locale: string | undefined) {
  const version = await findCurrentFrameworkVersionOfTaskForce(db, taskForceId);
  const elements = new Map<string, { areaKey: string; areaName: string; name: string }>();
  const areas = new Map<string, string>();
  for (const area of version ? frameworkInLanguage(version.content, locale).content.areas : []) {
    areas.set(area.key, area.name);
    for (const element of area.elements) elements.set(element.key, { areaKey: area.key, areaName: area.name, name: element.name });
  }
  return { elements, areas };
}
