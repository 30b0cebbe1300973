import { createRouter, taskForceProcedure } from "@/server/trpc/init";
import { CreateProtocolInput, UpdateProtocolInput } from "./protocols.schemas";
import { createProtocol, listProtocolsOf, updateProtocol } from "./protocols.service";

export const protocolsRouter = createRouter({
  list: taskForceProcedure("protocol.read").query(({ ctx }) => listProtocolsOf(ctx.scope)),
  create: taskForceProcedure("protocol.manage")
    .input(CreateProtocolInput)
    .mutation(({ ctx, input }) => createProtocol(ctx.scope, input)),
  update: taskForceProcedure("protocol.manage")
    .input(UpdateProtocolInput)
    .mutation(({ ctx, input }) => updateProtocol(ctx.scope, input)),
});
