/*
 * Requirement templates. The ECM list paraphrases the OVC/BJA Enhanced Collaborative Model
 * solicitations (FY2015–FY2024), see ../shared/domain/grant-requirements.md; wording is ours.
 * Applying a template copies title and description into the award's requirements, where the
 * coordinator may edit them, so the template is a starting point, not a rule. `computedKey` names a
 * calculator (calculators.ts) that can derive the status from the platform's records.
 */

export interface RequirementTemplateItem {
  key: string;
  title: string;
  description: string;
  computedKey?: string;
}

export interface RequirementTemplate {
  key: string;
  items: readonly RequirementTemplateItem[];
}

export const ECM_TEMPLATE: RequirementTemplate = {
  key: "ecm",
  items: [
    {
      key: "lead-pair",
      title: "Lead law-enforcement agency and lead victim service provider",
      description: "A lead law-enforcement agency and a lead victim service provider (or co-leads) are named and active.",
      computedKey: "lead-pair",
    },
    {
      key: "lead-mou",
      title: "Signed MOU between the leads, kept current",
      description: "A memorandum of understanding between the two leads is signed and has not expired.",
      computedKey: "lead-mou",
    },
    {
      key: "core-partners",
      title: "Core partners engaged, including prosecution",
      description: "Core partners take part, including the US Attorney's Office and local prosecution.",
      computedKey: "core-partners",
    },
    {
      key: "leadership-mission",
      title: "Balanced co-leadership with a written mission and goals",
      description: "Leadership is shared between law enforcement and victim services; mission and goals are written down.",
    },
    {
      key: "protocols",
      title: "Written operational protocols, adopted and reviewed",
      description: "Operational protocols are written, adopted by the partners and reviewed on a schedule.",
      computedKey: "protocols",
    },
    {
      key: "all-forms",
      title: "All forms of trafficking and all populations",
      description: "The task force addresses sex and labor trafficking, foreign nationals and citizens, all ages and genders.",
    },
    {
      key: "victim-centred",
      title: "Victim-centered, trauma-informed approach",
      description: "Protocols and training follow a victim-centered, trauma-informed approach.",
    },
    {
      key: "lived-experience",
      title: "People with lived experience involved and paid",
      description: "Survivors and experts with lived experience take part in the work and are paid for it.",
      computedKey: "lived-experience",
    },
    {
      key: "proactive-investigations",
      title: "Proactive, victim-centered investigations and prosecutions",
      description: "Investigations and prosecutions are proactive and victim-centered (shown by aggregate measures).",
    },
    {
      key: "comprehensive-services",
      title: "Access to a full range of services",
      description: "Each survivor can reach the services they need through the referral network.",
    },
    {
      key: "start-up",
      title: "Start-up phase completed",
      description: "Within the first 12–18 months: structure, procedures, training and a community assessment.",
      computedKey: "start-up",
    },
    {
      key: "data-use",
      title: "Data collected, analyzed and used",
      description: "Data is collected and analyzed to understand the community and measure the task force's impact.",
      computedKey: "data-use",
    },
    {
      key: "sustainability",
      title: "Sustainability",
      description: "Diverse funding and structures that outlast staff turnover.",
    },
    {
      key: "training",
      title: "Training and cross-training delivered",
      description: "Training is delivered to members and stakeholders, including cross-training between disciplines.",
      computedKey: "training",
    },
    {
      key: "semiannual-report",
      title: "Semiannual performance reports submitted",
      description: "A performance report for each half-year (Jan–Jun due Jul 30, Jul–Dec due Jan 30).",
      computedKey: "semiannual-report",
    },
    {
      key: "onboarding",
      title: "Onboarding and technical-assistance participation",
      description: "Task force leads take part in the required onboarding and technical-assistance sessions.",
      computedKey: "onboarding",
    },
  ],
};

/** Requirements only some solicitations set: offered to add one by one. */
export const OPTIONAL_TEMPLATE: RequirementTemplate = {
  key: "optional",
  items: [
    {
      key: "meeting-frequency",
      title: "Regular full task-force meetings",
      description: "The full task force meets at the agreed frequency (for example quarterly).",
      computedKey: "meeting-frequency",
    },
    { key: "committees", title: "Named committees in place", description: "The committees named in the application (for example victim services, investigations) meet." },
    { key: "strategic-plan", title: "Strategic plan", description: "A written strategic plan, reviewed each year." },
    { key: "sustainability-plan", title: "Sustainability plan", description: "A written plan for keeping the task force going after the award ends." },
    {
      key: "local-match",
      title: "Local match",
      description: "The required local match is documented.",
      computedKey: "local-match",
    },
  ],
};

export const REQUIREMENT_TEMPLATES: readonly RequirementTemplate[] = [ECM_TEMPLATE, OPTIONAL_TEMPLATE];

export function templateItem(key: string): RequirementTemplateItem | undefined {
  for (const template of REQUIREMENT_TEMPLATES) {
    const item = template.items.find((candidate) => candidate.key === key);
    if (item) return item;
  }
  return undefined;
}
