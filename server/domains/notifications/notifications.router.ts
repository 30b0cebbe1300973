import { authedProcedure, createRouter } from "@/server/trpc/init";
import { ListNotificationsInput, MarkNotificationsReadInput } from "./notifications.schemas";
import { countMyUnreadNotifications, listMyNotifications, markMyNotificationsRead } from "./notifications.service";

export const notificationsRouter = createRouter({
  list: authedProcedure.input(ListNotificationsInput).query(({ ctx, input }) => listMyNotifications(ctx.user, input)),
  unreadCount: authedProcedure.query(({ ctx }) => countMyUnreadNotifications(ctx.user)),
  markRead: authedProcedure
    .input(MarkNotificationsReadInput)
    .mutation(({ ctx, input }) => markMyNotificationsRead(ctx.user, input)),
});
