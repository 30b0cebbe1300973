import { DEFAULT_LOCALE, serverTranslator, type Locale } from "@/server/lib/translate";

/*
 * Requirement templates. The ECM list paraphrases the OVC/BJA Enhanced Collaborative Model
 * solicitations (FY2015–FY2024), see ../shared/domain/grant-requirements.md; wording is ours, and
 * lives in the message catalogs (`requirementTemplates`) so that it exists in every language.
 * Applying a template copies title and description, in the language of whoever applies it, into the
 * award's requirements, where the coordinator may edit them, so the template is a starting point,
 * not a rule. `computedKey` names a calculator (calculators.ts) that can derive the status from the
 * platform's records.
 */

export interface RequirementTemplateItem {
  key: TemplateItemKey;
  computedKey?: string;
}

export interface RequirementTemplate {
  key: string;
  items: readonly RequirementTemplateItem[];
}

type TemplateItemKey =
  | "lead-pair"
  | "lead-mou"
  | "core-partners"
  | "leadership-mission"
  | "protocols"
  | "all-forms"
  | "victim-centred"
  | "lived-experience"
  | "proactive-investigations"
  | "comprehensive-services"
  | "start-up"
  | "data-use"
  | "sustainability"
  | "training"
  | "semiannual-report"
  | "onboarding"
  | "meeting-frequency"
  | "committees"
  | "strategic-plan"
  | "sustainability-plan"
  | "local-match";

/** A template item whose status a calculator of the same name derives. */
const computed = (key: TemplateItemKey): RequirementTemplateItem => ({ key, computedKey: key });

export const ECM_TEMPLATE: RequirementTemplate = {
  key: "ecm",
  items: [
    computed("lead-pair"),
    computed("lead-mou"),
    computed("core-partners"),
    { key: "leadership-mission" },
    computed("protocols"),
    { key: "all-forms" },
    { key: "victim-centred" },
    computed("lived-experience"),
    { key: "proactive-investigations" },
    { key: "comprehensive-services" },
    computed("start-up"),
    computed("data-use"),
    { key: "sustainability" },
    computed("training"),
    computed("semiannual-report"),
    computed("onboarding"),
  ],
};

/** Requirements only some solicitations set: offered to add one by one. */
export const OPTIONAL_TEMPLATE: RequirementTemplate = {
  key: "optional",
  items: [computed("meeting-frequency"), { key: "committees" }, { key: "strategic-plan" }, { key: "sustainability-plan" }, computed("local-match")],
};

export const REQUIREMENT_TEMPLATES: readonly RequirementTemplate[] = [ECM_TEMPLATE, OPTIONAL_TEMPLATE];

/** A template item's title and description in `locale`. */
export function templateItemText(item: RequirementTemplateItem, locale: Locale = DEFAULT_LOCALE): { title: string; description: string } {
  const t = serverTranslator("requirementTemplates", locale);
  return { title: t(`${item.key}.title`), description: t(`${item.key}.description`) };
}
