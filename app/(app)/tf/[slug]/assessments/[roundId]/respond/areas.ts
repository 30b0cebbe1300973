/*
 * Finding one's way through the respond page one area of function at a time: which area the
 * address names, how far each area is answered, and which element still waits for an answer.
 * Pure, so the order of visits is tested without a browser.
 */

/** What the respond page needs of a framework's areas to move between them. */
export interface AreaOutline {
  key: string;
  elements: readonly { key: string }[];
}

/** One element and the area it belongs to. */
export interface ElementPlace {
  areaKey: string;
  elementKey: string;
}

export interface AreaCount {
  key: string;
  answered: number;
  total: number;
}

/** The address's search parameter that names the area shown. */
export const AREA_PARAM = "area";

/**
 * The area named by the address, or the first one when it names none of the framework's areas
 * (missing, mistyped, or kept from a link to a round on another framework). Keys are compared
 * exactly, as the framework spells them. A framework has at least one area (its schema says so).
 */
export function areaFromParam(areas: readonly AreaOutline[], param: string | null): string | undefined {
  return (areas.find((area) => area.key === param) ?? areas[0])?.key;
}

/** The id of an element's fieldset, for links to it (element keys hold a dot, which ids may but selectors trip on). */
export function elementAnchor(elementKey: string): string {
  return `element-${elementKey.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/** The address of an area, and of one of its elements when given (the fragment the browser scrolls to). */
export function areaHref(pathname: string, place: { areaKey: string; elementKey?: string }): string {
  const query = new URLSearchParams({ [AREA_PARAM]: place.areaKey });
  return `${pathname}?${query.toString()}${place.elementKey ? `#${elementAnchor(place.elementKey)}` : ""}`;
}

/** Answered and total elements of each area, in the framework's order. */
export function areaCounts(areas: readonly AreaOutline[], answered: ReadonlySet<string>): AreaCount[] {
  return areas.map((area) => ({
    key: area.key,
    answered: area.elements.filter((element) => answered.has(element.key)).length,
    total: area.elements.length,
  }));
}

/**
 * The element without an answer that comes next in the framework's order, going on into the next
 * areas and round to the start, so pressing "next unanswered" again and again visits every one
 * left. The search starts after the element last worked on when there is one, else at the first
 * element of the area shown. Null once every element has an answer.
 */
export function nextUnanswered(
  areas: readonly AreaOutline[],
  answered: ReadonlySet<string>,
  from: { areaKey: string; elementKey: string | null },
): ElementPlace | null {
  const places = areas.flatMap((area) => area.elements.map((element) => ({ areaKey: area.key, elementKey: element.key })));
  const after = from.elementKey === null ? -1 : places.findIndex((place) => place.elementKey === from.elementKey);
  const start = after >= 0 ? after + 1 : Math.max(0, places.findIndex((place) => place.areaKey === from.areaKey));
  for (let step = 0; step < places.length; step += 1) {
    const place = places[(start + step) % places.length]!;
    if (!answered.has(place.elementKey)) return place;
  }
  return null;
}
