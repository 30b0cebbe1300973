import { z } from "zod";
import { ACTION_ITEM_STATUSES } from "@/db/schema";
import { CalendarDate, Version } from "@/server/lib/schemas";

export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

export const ActionItemTitle = z.string().trim().min(1).max(300);

export const ListActionItemsInput = z.object({
  /** Only the actions of this gap. */
  gapId: z.uuid().optional(),
  /** Only the actions created in this meeting. */
  meetingId: z.uuid().optional(),
  /** true: only actions without a gap; false: only actions of gaps. */
  standalone: z.boolean().optional(),
  status: z.array(z.enum(ACTION_ITEM_STATUSES)).max(ACTION_ITEM_STATUSES.length).optional(),
  assigneeUserId: z.uuid().optional(),
  assigneeOrganizationId: z.uuid().optional(),
  dueBefore: CalendarDate.optional(),
  overdue: z.boolean().default(false),
});
export type ListActionItemsInput = z.infer<typeof ListActionItemsInput>;

export const MyActionItemsInput = z
  .object({ includeDone: z.boolean().default(false) })
  .default({ includeDone: false });
export type MyActionItemsInput = z.infer<typeof MyActionItemsInput>;

export const CreateActionItemInput = z.object({
  gapId: z.uuid().nullable().default(null),
  title: ActionItemTitle,
  assigneeUserId: z.uuid().nullable().default(null),
  /** Defaults to the assignee's organization. */
  assigneeOrganizationId: z.uuid().nullable().default(null),
  dueOn: CalendarDate.nullable().default(null),
});
export type CreateActionItemInput = z.infer<typeof CreateActionItemInput>;

export const ActionItemInput = z.object({ actionItemId: z.uuid(), version: Version });
export type ActionItemInput = z.infer<typeof ActionItemInput>;

export const UpdateActionItemInput = ActionItemInput.extend({
  title: ActionItemTitle.optional(),
  assigneeUserId: z.uuid().nullable().optional(),
  assigneeOrganizationId: z.uuid().nullable().optional(),
  dueOn: CalendarDate.nullable().optional(),
  status: z.enum(ACTION_ITEM_STATUSES).optional(),
});
export type UpdateActionItemInput = z.infer<typeof UpdateActionItemInput>;
