import { z } from "zod";
import { ATTENDANCE_STATUSES, DECISION_STATUSES, MEETING_STATUSES, MEETING_TYPES } from "@/db/schema";
import { CalendarDate, Version } from "@/server/lib/schemas";
import { ActionItemTitle } from "@/server/domains/actionItems/actionItems.schemas";
import { DISCIPLINES } from "@/server/domains/organizations/disciplines";
import { LOCAL_DATE_TIME } from "./meetings.rules";

const MeetingTitle = z.string().trim().min(1).max(200);
/** Checked against the runtime's zone database in the service, so the message can name the field. */
const TimeZone = z.string().trim().min(1).max(64);
/** Wall-clock time in the meeting's own zone; the service turns it into an instant. */
const LocalDateTime = z.string().trim().regex(LOCAL_DATE_TIME);
const Markdown = z.string().trim().max(20000);

export const MeetingInput = z.object({ meetingId: z.uuid() });
export type MeetingInput = z.infer<typeof MeetingInput>;

export const ListMeetingsInput = z
  .object({
    /** Only meetings of this committee; "taskForce" for the full task force's own meetings. */
    body: z.union([z.literal("taskForce"), z.uuid()]).optional(),
    status: z.enum(MEETING_STATUSES).optional(),
  })
  .default({});
export type ListMeetingsInput = z.infer<typeof ListMeetingsInput>;

const MeetingFields = {
  title: MeetingTitle,
  type: z.enum(MEETING_TYPES),
  committeeId: z.uuid().nullable().default(null),
  startsAt: LocalDateTime,
  endsAt: LocalDateTime,
  timeZone: TimeZone,
  location: z.string().trim().max(300).default(""),
  videoUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .default(null),
};

export const CreateMeetingInput = z.object({
  ...MeetingFields,
  /** Pull open actions and undecided items of the body's previous meeting into the new agenda. */
  carryForward: z.boolean().default(false),
});
export type CreateMeetingInput = z.infer<typeof CreateMeetingInput>;

export const UpdateMeetingInput = z.object({
  meetingId: z.uuid(),
  version: Version,
  title: MeetingTitle.optional(),
  type: z.enum(MEETING_TYPES).optional(),
  startsAt: LocalDateTime.optional(),
  endsAt: LocalDateTime.optional(),
  timeZone: TimeZone.optional(),
  location: z.string().trim().max(300).optional(),
  videoUrl: z.url({ protocol: /^https?$/ }).max(500).nullable().optional(),
  status: z.enum(MEETING_STATUSES).optional(),
});
export type UpdateMeetingInput = z.infer<typeof UpdateMeetingInput>;

export const AgendaItemFields = z.object({
  title: z.string().trim().min(1).max(300),
  presenterUserId: z.uuid().nullable().default(null),
  presenterOrganizationId: z.uuid().nullable().default(null),
  minutesAllotted: z.number().int().min(1).max(600).nullable().default(null),
  notes: z.string().trim().max(4000).default(""),
  needsDecision: z.boolean().default(false),
});

export const AddAgendaItemInput = AgendaItemFields.extend({ meetingId: z.uuid() });
export type AddAgendaItemInput = z.infer<typeof AddAgendaItemInput>;

export const UpdateAgendaItemInput = AgendaItemFields.extend({ meetingId: z.uuid(), agendaItemId: z.uuid() });
export type UpdateAgendaItemInput = z.infer<typeof UpdateAgendaItemInput>;

export const AgendaItemInput = z.object({ meetingId: z.uuid(), agendaItemId: z.uuid() });
export type AgendaItemInput = z.infer<typeof AgendaItemInput>;

export const MoveAgendaItemInput = AgendaItemInput.extend({ direction: z.enum(["up", "down"]) });
export type MoveAgendaItemInput = z.infer<typeof MoveAgendaItemInput>;

const AttendanceEntry = z
  .object({
    userId: z.uuid().nullable().default(null),
    organizationId: z.uuid().nullable().default(null),
    status: z.enum(ATTENDANCE_STATUSES),
  })
  .refine((entry) => entry.userId !== null || entry.organizationId !== null, { message: "personOrOrganizationRequired", path: ["userId"] });

export const RecordAttendanceInput = z.object({
  meetingId: z.uuid(),
  entries: z.array(AttendanceEntry).min(1).max(200),
});
export type RecordAttendanceInput = z.infer<typeof RecordAttendanceInput>;

export const RecordOwnAttendanceInput = z.object({ meetingId: z.uuid(), status: z.enum(ATTENDANCE_STATUSES) });
export type RecordOwnAttendanceInput = z.infer<typeof RecordOwnAttendanceInput>;

export const RemoveAttendanceInput = z.object({ meetingId: z.uuid(), attendanceId: z.uuid() });
export type RemoveAttendanceInput = z.infer<typeof RemoveAttendanceInput>;

export const SaveMinutesInput = z.object({ meetingId: z.uuid(), agendaItemId: z.uuid(), body: Markdown });
export type SaveMinutesInput = z.infer<typeof SaveMinutesInput>;

export const ApproveMinutesInput = z.object({ meetingId: z.uuid(), sharedWithFunders: z.boolean().default(false) });
export type ApproveMinutesInput = z.infer<typeof ApproveMinutesInput>;

export const ShareMinutesInput = z.object({ meetingId: z.uuid(), sharedWithFunders: z.boolean() });
export type ShareMinutesInput = z.infer<typeof ShareMinutesInput>;

export const CommentOnMinutesInput = z.object({ meetingId: z.uuid(), body: z.string().trim().min(1).max(4000) });
export type CommentOnMinutesInput = z.infer<typeof CommentOnMinutesInput>;

export const RecordDecisionInput = z.object({
  meetingId: z.uuid(),
  agendaItemId: z.uuid().nullable().default(null),
  text: z.string().trim().min(1).max(2000),
  outcome: z.string().trim().max(2000).default(""),
  status: z.enum(DECISION_STATUSES).default("in_effect"),
});
export type RecordDecisionInput = z.infer<typeof RecordDecisionInput>;

export const ChangeDecisionStatusInput = z.object({ decisionId: z.uuid(), status: z.enum(DECISION_STATUSES) });
export type ChangeDecisionStatusInput = z.infer<typeof ChangeDecisionStatusInput>;

export const ListDecisionsInput = z.object({ status: z.enum(DECISION_STATUSES).optional() }).default({});
export type ListDecisionsInput = z.infer<typeof ListDecisionsInput>;

export const CreateMeetingActionInput = z.object({
  meetingId: z.uuid(),
  title: ActionItemTitle,
  assigneeUserId: z.uuid().nullable().default(null),
  assigneeOrganizationId: z.uuid().nullable().default(null),
  dueOn: CalendarDate.nullable().default(null),
});
export type CreateMeetingActionInput = z.infer<typeof CreateMeetingActionInput>;

export const SetCoreDisciplinesInput = z.object({ disciplines: z.array(z.enum(DISCIPLINES)).min(1).max(DISCIPLINES.length) });
export type SetCoreDisciplinesInput = z.infer<typeof SetCoreDisciplinesInput>;
