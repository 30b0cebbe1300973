import { handleTrpcRequest } from "@/server/trpc/httpHandler";
import { createRequestContext } from "@/server/trpc/requestContext";

function handler(req: Request) {
  return handleTrpcRequest(req, () => createRequestContext(req.headers));
}

export { handler as GET, handler as POST };
