import { adminProcedure, createRouter, taskForceProcedure } from "@/server/trpc/init";
import { ImportTaskForceArchiveInput } from "./archive.schemas";
import { exportTaskForce } from "./archive.service";
import { importTaskForceArchive } from "./import.service";

/*
 * Moving a task force between installations. The procedures sit beside the task force's own under
 * `taskForce.export` and `admin.taskForce.import` (server/trpc/root.ts merges the routers), while
 * the code stays here: the archive builds on the task forces domain, never the other way round.
 */

export const taskForceArchiveRouter = createRouter({
  /** The whole task force as one archive (a mutation: it writes an audit entry). */
  export: taskForceProcedure("taskForce.export").mutation(({ ctx }) => exportTaskForce(ctx.scope)),
});

export const adminTaskForceArchiveRouter = createRouter({
  import: adminProcedure
    .input(ImportTaskForceArchiveInput)
    .mutation(({ ctx, input }) => importTaskForceArchive(ctx.user, { archive: Buffer.from(input.archiveBase64, "base64"), slug: input.slug })),
});
