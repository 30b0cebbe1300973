import { z } from "zod";

export const HandoffOverviewInput = z.object({ userId: z.uuid() });
export type HandoffOverviewInput = z.infer<typeof HandoffOverviewInput>;

export const HandOffInput = z.object({ fromUserId: z.uuid(), toUserId: z.uuid({ error: "chooseSuccessor" }) });
export type HandOffInput = z.infer<typeof HandOffInput>;
