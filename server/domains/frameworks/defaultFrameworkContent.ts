import type { FrameworkContent, FrameworkTranslation } from "@/db/schema";
import { PARAPHRASED_WORDING } from "@/db/vocabulary/frameworks";
import spanish from "./defaultFramework.es.json";

/*
 * The framework the platform ships with: the structure of the Development & Operations Roadmap
 * (four areas of function, their key elements, five stages of development), with every name,
 * description and rubric line written in our own words. The official wording was not available to
 * us; an administrator who has it imports it as a new version (the UI says so next to this one).
 * It ships in Spanish too (defaultFramework.es.json, written to app/i18n/messages/es.glossary.md).
 * Plain data, apart from the code that installs it (defaultFramework.ts), so tests of every kind
 * can read it.
 */

export const DEFAULT_FRAMEWORK_NAME = "Task force development roadmap";
export const DEFAULT_FRAMEWORK_DESCRIPTION =
  "Four areas of a task force's work, the key elements of each, and five stages of development applied to every element.";
/** The version's wording note; the UI shows the "paraphrased" label when it sees this value. */
export const PARAPHRASED = PARAPHRASED_WORDING;

type Rubric = [string, string, string, string, string];
const rubric = (lines: Rubric) => ({ "1": lines[0], "2": lines[1], "3": lines[2], "4": lines[3], "5": lines[4] });

/** The shipped English text; DEFAULT_FRAMEWORK_CONTENT adds the translations. */
export const DEFAULT_FRAMEWORK_ENGLISH: FrameworkContent = {
  stages: [
    {
      number: 1,
      name: "Exploring",
      description:
        "Partners recognise a need to work together. A few champions meet informally and look for support from agency leaders.",
    },
    {
      number: 2,
      name: "Forming",
      description:
        "The group agrees on its purpose and who leads. First written agreements are signed, members are recruited and first protocols are drafted.",
    },
    {
      number: 3,
      name: "Implementing",
      description:
        "Meetings and committees run regularly. Protocols are used, referrals go in both directions, training happens and data collection starts.",
    },
    {
      number: 4,
      name: "Performing",
      description:
        "Work is guided by data and planned ahead. All forms of trafficking are addressed, survivor input is built in and protocols are reviewed on a schedule.",
    },
    {
      number: 5,
      name: "Sustaining",
      description:
        "The way of working is part of each agency's routine and survives staff changes. Funding is varied and the group keeps improving.",
    },
  ],
  areas: [
    {
      key: "A",
      name: "Structure, leadership and operations",
      description: "How the task force is organised, led and run from day to day.",
      elements: [
        {
          key: "A.mission",
          name: "Mission, vision and measurable goals",
          description: "A shared statement of why the task force exists, what it wants to achieve, and goals whose progress can be measured.",
          rubric: rubric([
            "Partners talk about working together but have no shared purpose in writing.",
            "A mission and vision are drafted and agreed by the founding partners.",
            "Members know the mission; yearly goals are set and tracked.",
            "Goals are measurable, reviewed against data and adjusted.",
            "Mission and goals are revisited regularly and guide every new member and activity.",
          ]),
        },
        {
          key: "A.leadership",
          name: "Shared leadership and decision-making",
          description: "Leadership shared between disciplines, with a clear and fair way of making decisions.",
          rubric: rubric([
            "One agency or person drives the work informally.",
            "Co-leads from different disciplines are named; decision rules are drafted.",
            "Decisions follow the agreed process and are recorded.",
            "Leadership is shared in practice; disagreements are worked through openly.",
            "Leadership roles rotate or have successors ready; the process survives turnover.",
          ]),
        },
        {
          key: "A.membership",
          name: "Membership, roles and expectations",
          description: "Who belongs to the task force, what each member agency does, and what is expected of it.",
          rubric: rubric([
            "Membership is informal; roles are unclear.",
            "Core partners are recruited and their roles are written down.",
            "Members take part actively; new members are welcomed and oriented.",
            "Membership covers every discipline needed; expectations are reviewed.",
            "Membership is stable and renewed on purpose; onboarding is routine.",
          ]),
        },
        {
          key: "A.mou",
          name: "Memoranda of understanding",
          description: "Written agreements between member agencies about how they work together.",
          rubric: rubric([
            "Cooperation rests on personal relationships only.",
            "A first agreement is drafted and signed by core partners.",
            "Agreements cover most member agencies and are followed.",
            "Agreements are reviewed and renewed on schedule.",
            "Agreements are kept current as leaders change and new partners join.",
          ]),
        },
        {
          key: "A.protocols",
          name: "Written operational protocols",
          description: "Written procedures for the task force's core work, such as referrals, information sharing and joint operations.",
          rubric: rubric([
            "Practice varies by agency; nothing is written down.",
            "First protocols are drafted for the most pressing situations.",
            "Protocols are adopted and used by members.",
            "Protocols are reviewed on a schedule and after lessons learned.",
            "Protocols are part of each agency's own policies and training.",
          ]),
        },
        {
          key: "A.meetings",
          name: "Meetings and committees",
          description: "Regular meetings and working committees that move the task force's work forward.",
          rubric: rubric([
            "Partners meet occasionally, when a need comes up.",
            "A meeting schedule is set; first committees are formed.",
            "Meetings and committees run regularly with agendas and minutes.",
            "Meetings lead to decisions and follow-up; committees report progress.",
            "The meeting structure is efficient, valued by members and kept up over time.",
          ]),
        },
        {
          key: "A.information-sharing",
          name: "Information sharing and confidentiality",
          description: "How members share information lawfully and safely while protecting the privacy of the people they serve.",
          rubric: rubric([
            "Information is shared informally, if at all.",
            "Members identify what they may share and draft rules for sharing it.",
            "An agreed process for sharing is used; confidentiality duties are respected.",
            "Sharing is timely and reviewed; problems are corrected.",
            "Safe information sharing is routine and trusted by every discipline.",
          ]),
        },
        {
          key: "A.strategic-planning",
          name: "Community assessment and strategic planning",
          description: "Understanding trafficking in the local area and planning the task force's work from that understanding.",
          rubric: rubric([
            "Little is known about how trafficking shows up locally.",
            "A first community assessment is planned or started.",
            "The assessment is done and a strategic plan is written.",
            "The plan guides priorities and is updated with new information.",
            "Assessment and planning repeat on a cycle and involve the wider community.",
          ]),
        },
        {
          key: "A.data",
          name: "Data collection and evaluation",
          description: "Collecting consistent data on the task force's activities and results and using it to improve.",
          rubric: rubric([
            "Each agency keeps its own records; nothing is combined.",
            "Members agree on what to count and how.",
            "Data is collected regularly and reported to members.",
            "Data is analysed and used to decide what to change.",
            "Evaluation is routine and results are shared with partners and funders.",
          ]),
        },
        {
          key: "A.sustainability",
          name: "Sustainability",
          description: "Keeping the task force going beyond one grant, one leader or one agency.",
          rubric: rubric([
            "The work depends on a few people or a single source of funds.",
            "Risks to continuity are named; first ideas for other support are explored.",
            "Members contribute resources; more than one funding source is sought.",
            "Funding is varied and knowledge is documented so it is not lost.",
            "The task force is part of how agencies work and would continue without its current funding.",
          ]),
        },
      ],
    },
    {
      key: "B",
      name: "Identification and services",
      description: "Finding people who have experienced trafficking and making sure they get the help they need.",
      elements: [
        {
          key: "B.identification",
          name: "Identification across all forms and populations",
          description: "Recognising every form of trafficking, sex and labour, among all groups of people, including those often overlooked.",
          rubric: rubric([
            "Identification is left to chance and focuses on one form of trafficking.",
            "Members agree on indicators and who to call when they see them.",
            "Screening is used by several disciplines; labour and sex trafficking are both looked for.",
            "Identification reaches groups that are often missed and is reviewed for gaps.",
            "Screening is built into each agency's routine practice.",
          ]),
        },
        {
          key: "B.services",
          name: "Comprehensive, individualised services",
          description: "A network of service providers and a referral path that meets each person's own needs.",
          rubric: rubric([
            "Services are arranged case by case without a network.",
            "Service providers are mapped and a referral path is drafted.",
            "Referrals flow both ways and services are planned with each person.",
            "Gaps in services are tracked and filled; long-term needs are covered.",
            "The service network is stable, funded and reviewed regularly.",
          ]),
        },
        {
          key: "B.trauma-informed",
          name: "Person-centred, trauma-informed practice",
          description: "Putting the needs, safety and choices of people who have experienced trafficking first, with an understanding of trauma.",
          rubric: rubric([
            "Trauma-informed practice is known to some members only.",
            "Members agree on principles and plan training.",
            "Most members are trained and apply the principles in their work.",
            "Practice is reviewed, including feedback from the people served.",
            "Trauma-informed practice is part of every agency's policies.",
          ]),
        },
        {
          key: "B.survivor-informed",
          name: "Survivor-informed practice and lived-experience expertise",
          description: "Involving people with lived experience in shaping the task force's work, with fair pay for their expertise.",
          rubric: rubric([
            "People with lived experience are not involved.",
            "The task force plans how to involve lived-experience experts safely and fairly.",
            "Lived-experience experts are paid to advise on selected work.",
            "Survivor input shapes protocols, training and priorities.",
            "Paid lived-experience roles are a lasting part of the task force.",
          ]),
        },
        {
          key: "B.access",
          name: "Access for everyone",
          description: "Language access and access for people who are deaf or hard of hearing, so that no one is left out.",
          rubric: rubric([
            "Access needs are handled ad hoc, if noticed.",
            "Needs are identified and interpreter and other resources are listed.",
            "Qualified interpreters and accessible formats are used consistently.",
            "Access is checked and improved from feedback.",
            "Access is planned and funded in every agency's routine.",
          ]),
        },
      ],
    },
    {
      key: "C",
      name: "Investigation and prosecution",
      description: "Holding people who commit trafficking accountable while protecting those harmed.",
      elements: [
        {
          key: "C.proactive",
          name: "Proactive, person-centred investigations",
          description: "Investigations of sex and labour trafficking that are started on purpose, not only in reaction, and that respect the people involved.",
          rubric: rubric([
            "Investigations start only when a case comes to light by chance.",
            "Investigators agree on approaches and begin planning proactive work.",
            "Proactive investigations of both sex and labour trafficking take place.",
            "Investigations are guided by data and coordinated with service providers.",
            "Proactive, person-centred investigation is standard practice.",
          ]),
        },
        {
          key: "C.joint-planning",
          name: "Joint planning with service providers",
          description: "Planning enforcement actions together with service providers so that help is ready when people are found.",
          rubric: rubric([
            "Enforcement actions are planned without service providers.",
            "Members agree that service providers should be part of planning.",
            "Service providers take part in planning most operations.",
            "Joint planning is routine and debriefs lead to improvements.",
            "Joint planning is written into protocols and survives staff changes.",
          ]),
        },
        {
          key: "C.coordination",
          name: "Case coordination and deconfliction",
          description: "Coordinating cases among local, state, tribal and federal partners so that work is not duplicated or put at risk.",
          rubric: rubric([
            "Agencies work their cases separately.",
            "Partners agree on how to check for overlapping cases.",
            "Case reviews and deconfliction happen regularly.",
            "Coordination covers all jurisdictions and is reviewed.",
            "Coordination is routine and trusted across jurisdictions.",
          ]),
        },
        {
          key: "C.prosecution",
          name: "Prosecution review and venue",
          description: "Early review of cases by prosecutors and a deliberate choice of where a case is best prosecuted.",
          rubric: rubric([
            "Prosecutors see cases late, if at all.",
            "Prosecutors join the task force and agree how to review cases.",
            "Cases are reviewed early; the venue is chosen together.",
            "Outcomes are tracked and lessons are shared.",
            "Early review and venue choice are standard for every case.",
          ]),
        },
        {
          key: "C.labour",
          name: "Labour trafficking capacity",
          description: "The skills, partners and tools to find and act on labour trafficking, not only sex trafficking.",
          rubric: rubric([
            "Labour trafficking is rarely considered.",
            "Partners with labour expertise, such as labour inspectors, are invited.",
            "Labour trafficking cases are identified and worked jointly.",
            "Labour trafficking work is planned from data on local industries.",
            "Labour trafficking capacity is lasting and resourced.",
          ]),
        },
      ],
    },
    {
      key: "D",
      name: "Training, outreach and awareness",
      description: "Building knowledge among members and in the community.",
      elements: [
        {
          key: "D.cross-training",
          name: "Cross-training",
          description: "Members and community sectors learning from each other's disciplines.",
          rubric: rubric([
            "Each agency trains its own staff only, if at all.",
            "Training needs are identified and a first joint session is planned.",
            "Cross-training takes place regularly for members and key sectors.",
            "Training is evaluated and updated; it reaches new sectors.",
            "Cross-training is part of onboarding and continues without outside help.",
          ]),
        },
        {
          key: "D.awareness",
          name: "Public awareness and media",
          description: "Informing the public and working with the media responsibly.",
          rubric: rubric([
            "Public messages are occasional and uncoordinated.",
            "Members agree on key messages and who speaks for the task force.",
            "Awareness activities and media contacts follow the agreed approach.",
            "Outreach is targeted from data and reviewed for effect.",
            "Outreach is planned yearly and media relationships are lasting.",
          ]),
        },
        {
          key: "D.terminology",
          name: "Shared terminology and language",
          description: "Common terms and person-first, respectful language across disciplines.",
          rubric: rubric([
            "Each discipline uses its own terms.",
            "Members notice differences and start a shared glossary.",
            "A glossary and language guidelines are agreed and used.",
            "Language guidelines are reviewed, including with people with lived experience.",
            "Shared, respectful language is the norm in all materials.",
          ]),
        },
      ],
    },
  ],
};

export const DEFAULT_FRAMEWORK_CONTENT: FrameworkContent = {
  ...DEFAULT_FRAMEWORK_ENGLISH,
  translations: { es: spanish satisfies FrameworkTranslation },
};
