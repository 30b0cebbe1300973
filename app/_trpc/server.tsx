import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { TRPCError } from "@trpc/server";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache, type ReactNode } from "react";
import { appRouter, createCaller, type AppRouter } from "@/server/trpc/root";
import { createRequestContext } from "@/server/trpc/requestContext";
import { ClientMessages } from "@/app/i18n/ClientMessages";
import type { Namespace } from "@/app/i18n/namespaces";
import { makeQueryClient } from "./queryClient";

const createServerContext = cache(async () => createRequestContext(await headers()));

export const getQueryClient = cache(makeQueryClient);

/**
 * The query cache of server components that render their data themselves (the dashboard's widgets,
 * the roadmap trend). It is never dehydrated into the page, since nothing in the browser reads it;
 * components asking for one procedure with one input still share one call per request.
 */
export const getRenderedQueryClient = cache(makeQueryClient);

/** For prefetching in server components: `await prefetch(trpc.people.list.queryOptions(...))`. */
export const trpc = createTRPCOptionsProxy<AppRouter>({
  ctx: createServerContext,
  router: appRouter,
  queryClient: getQueryClient,
});

export const serverCaller = cache(async () => createCaller(await createServerContext()));

/**
 * Hands the client components below what they need from the server: the queries the page
 * prefetched, and the catalog namespaces they read (see ClientMessages).
 */
export function HydrateClient({ namespaces = [], children }: { namespaces?: readonly Namespace[]; children: ReactNode }) {
  const hydrated = <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
  return namespaces.length > 0 ? <ClientMessages namespaces={namespaces}>{hydrated}</ClientMessages> : hydrated;
}

/**
 * Runs a server-side call for a page and turns access errors into what the person should see:
 * sign in when signed out, "not found" when the record is not theirs (existence is not revealed).
 */
export async function loadForPage<T>(load: () => Promise<T>, pathAfterSignIn: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === "UNAUTHORIZED") redirect(`/login?callbackUrl=${encodeURIComponent(pathAfterSignIn)}`);
      if (["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"].includes(error.code)) notFound();
    }
    throw error;
  }
}
