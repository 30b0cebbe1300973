import { authedProcedure, createRouter } from "@/server/trpc/init";
import { ListNotificationsInput, MarkNotificationsReadInput, NoticePreferenceInput } from "./notifications.schemas";
import {
  countMyUnreadNotifications,
  getMyNoticePreferences,
  listMyNotifications,
  markMyNotificationsRead,
  setMyNoticePreference,
} from "./notifications.service";

export const notificationsRouter = createRouter({
  list: authedProcedure.input(ListNotificationsInput).query(({ ctx, input }) => listMyNotifications(ctx.user, input)),
  unreadCount: authedProcedure.query(({ ctx }) => countMyUnreadNotifications(ctx.user)),
  markRead: authedProcedure
    .input(MarkNotificationsReadInput)
    .mutation(({ ctx, input }) => markMyNotificationsRead(ctx.user, input)),
  preferences: authedProcedure.query(({ ctx }) => getMyNoticePreferences(ctx.user)),
  setPreference: authedProcedure.input(NoticePreferenceInput).mutation(({ ctx, input }) => setMyNoticePreference(ctx.user, input)),
});
