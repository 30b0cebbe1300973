import type { Database } from "@/server/lib/unitOfWork";
import { findCurrentFrameworkVersionOfTaskForce } from "./frameworks.queries";

/**
 * The names people read for the element and area keys that gaps, suggestions and reports store
 * (`A.information-sharing` is a key, not a name), from the task force's current framework version.
 */
export async function frameworkElements(db: Database, taskForceId: string) {
  const version = await findCurrentFrameworkVersionOfTaskForce(db, taskForceId);
  const elements = new Map<string, { areaKey: string; areaName: string; name: string }>();
  const areas = new Map<string, string>();
  for (const area of version?.content.areas ?? []) {
    areas.set(area.key, area.name);
    for (const element of area.elements) elements.set(element.key, { areaKey: area.key, areaName: area.name, name: element.name });
  }
  return { elements, areas };
}
