import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { getRenderedQueryClient } from "./server";

/*
 * For server components that show figures and links and change nothing (the dashboard's widgets,
 * the roadmap trend): their words and data are rendered into the page instead of travelling beside
 * it as catalog namespaces and query state for the browser to render again.
 */

/**
 * Data read through the cache of server-rendered queries (components reading the same procedure
 * share one call), or the sentence for why it could not be read: one part failing leaves the rest
 * of the page.
 */
export async function readForRendering<T>(read: (client: QueryClient) => Promise<T>): Promise<{ data: T } | { failure: string }> {
  try {
    return { data: await read(getRenderedQueryClient()) };
  } catch (error) {
    console.error(error);
    const t = await getTranslations("requestFailed");
    const unavailable = error instanceof Error && "code" in error && error.code === "SERVICE_UNAVAILABLE";
    return { failure: t(unavailable ? "unavailable" : "internal") };
  }
}

export function ReadFailure({ text }: { text: string }) {
  return (
    <div className="alert error" role="alert">
      {text}
    </div>
  );
}
