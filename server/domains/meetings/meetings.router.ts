import { createRouter, taskForceProcedure } from "@/server/trpc/init";
import { createCalendarFeed, getCalendarFeedStatus, meetingCalendarFile, revokeCalendarFeed } from "./calendar.service";
import {
  AddAgendaItemInput,
  AgendaItemInput,
  ApproveMinutesInput,
  ChangeDecisionStatusInput,
  CommentOnMinutesInput,
  CreateMeetingActionInput,
  CreateMeetingInput,
  ListDecisionsInput,
  ListMeetingsInput,
  MeetingInput,
  MoveAgendaItemInput,
  RecordAttendanceInput,
  RecordDecisionInput,
  RecordOwnAttendanceInput,
  RemoveAttendanceInput,
  SaveMinutesInput,
  SetCoreDisciplinesInput,
  ShareMinutesInput,
  UpdateAgendaItemInput,
  UpdateMeetingInput,
} from "./meetings.schemas";
import { addAgendaItem, moveAgendaItem, removeAgendaItem, updateAgendaItem } from "./agenda.service";
import { getRecentFullMeetings, getMeetingStats, setCoreDisciplines } from "./analytics.service";
import { recordAttendance, recordOwnAttendance, removeAttendance } from "./attendance.service";
import { carryForward, createMeeting, getMeeting, listDecisionsOf, listMeetingsOf, updateMeeting } from "./meetings.service";
import { approveMinutes, changeDecisionStatus, commentOnMinutes, createMeetingAction, recordDecision, saveMinutes, shareMinutes } from "./minutes.service";

export const meetingsRouter = createRouter({
  list: taskForceProcedure("meeting.read")
    .input(ListMeetingsInput)
    .query(({ ctx, input }) => listMeetingsOf(ctx.scope, input)),
  get: taskForceProcedure("meeting.read")
    .input(MeetingInput)
    .query(({ ctx, input }) => getMeeting(ctx.scope, input)),
  /** The meeting as an iCalendar file (served for download by the meeting's ics route). */
  ics: taskForceProcedure("meeting.read")
    .input(MeetingInput)
    .query(({ ctx, input }) => meetingCalendarFile(ctx.scope, input.meetingId, ctx.baseUrl)),
  stats: taskForceProcedure("meeting.read").query(({ ctx }) => getMeetingStats(ctx.scope)),
  recentFullMeetings: taskForceProcedure("meeting.read").query(({ ctx }) => getRecentFullMeetings(ctx.scope)),
  setCoreDisciplines: taskForceProcedure("taskForce.update")
    .input(SetCoreDisciplinesInput)
    .mutation(({ ctx, input }) => setCoreDisciplines(ctx.scope, input)),
  create: taskForceProcedure("meeting.manage")
    .input(CreateMeetingInput)
    .mutation(({ ctx, input }) => createMeeting(ctx.scope, input, ctx.baseUrl)),
  update: taskForceProcedure("meeting.manage")
    .input(UpdateMeetingInput)
    .mutation(({ ctx, input }) => updateMeeting(ctx.scope, input, ctx.baseUrl)),
  carryForward: taskForceProcedure("meeting.manage")
    .input(MeetingInput)
    .mutation(({ ctx, input }) => carryForward(ctx.scope, input)),
  addAgendaItem: taskForceProcedure("meeting.manage")
    .input(AddAgendaItemInput)
    .mutation(({ ctx, input }) => addAgendaItem(ctx.scope, input)),
  updateAgendaItem: taskForceProcedure("meeting.manage")
    .input(UpdateAgendaItemInput)
    .mutation(({ ctx, input }) => updateAgendaItem(ctx.scope, input)),
  removeAgendaItem: taskForceProcedure("meeting.manage")
    .input(AgendaItemInput)
    .mutation(({ ctx, input }) => removeAgendaItem(ctx.scope, input)),
  moveAgendaItem: taskForceProcedure("meeting.manage")
    .input(MoveAgendaItemInput)
    .mutation(({ ctx, input }) => moveAgendaItem(ctx.scope, input)),
  recordAttendance: taskForceProcedure("meeting.manage")
    .input(RecordAttendanceInput)
    .mutation(({ ctx, input }) => recordAttendance(ctx.scope, input)),
  removeAttendance: taskForceProcedure("meeting.manage")
    .input(RemoveAttendanceInput)
    .mutation(({ ctx, input }) => removeAttendance(ctx.scope, input)),
  recordOwnAttendance: taskForceProcedure("meeting.attend")
    .input(RecordOwnAttendanceInput)
    .mutation(({ ctx, input }) => recordOwnAttendance(ctx.scope, input)),
  saveMinutes: taskForceProcedure("meeting.manage")
    .input(SaveMinutesInput)
    .mutation(({ ctx, input }) => saveMinutes(ctx.scope, input)),
  approveMinutes: taskForceProcedure("meeting.approveMinutes")
    .input(ApproveMinutesInput)
    .mutation(({ ctx, input }) => approveMinutes(ctx.scope, input)),
  shareMinutes: taskForceProcedure("meeting.approveMinutes")
    .input(ShareMinutesInput)
    .mutation(({ ctx, input }) => shareMinutes(ctx.scope, input)),
  commentOnMinutes: taskForceProcedure("meeting.comment")
    .input(CommentOnMinutesInput)
    .mutation(({ ctx, input }) => commentOnMinutes(ctx.scope, input)),
  recordDecision: taskForceProcedure("meeting.manage")
    .input(RecordDecisionInput)
    .mutation(({ ctx, input }) => recordDecision(ctx.scope, input)),
  changeDecisionStatus: taskForceProcedure("meeting.manage")
    .input(ChangeDecisionStatusInput)
    .mutation(({ ctx, input }) => changeDecisionStatus(ctx.scope, input)),
  decisions: taskForceProcedure("meeting.read")
    .input(ListDecisionsInput)
    .query(({ ctx, input }) => listDecisionsOf(ctx.scope, input)),
  createAction: taskForceProcedure("meeting.manage")
    .input(CreateMeetingActionInput)
    .mutation(({ ctx, input }) => createMeetingAction(ctx.scope, input)),
  // The person's own calendar feed of the task force's meetings.
  calendarFeed: taskForceProcedure("calendar.subscribe").query(({ ctx }) => getCalendarFeedStatus(ctx.scope, ctx.baseUrl)),
  createCalendarFeed: taskForceProcedure("calendar.subscribe").mutation(({ ctx }) => createCalendarFeed(ctx.scope)),
  revokeCalendarFeed: taskForceProcedure("calendar.subscribe").mutation(({ ctx }) => revokeCalendarFeed(ctx.scope)),
});
