"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";

/** Downloads a framework version as its JSON file, built by the server in the import format. */
export function DownloadButton({ versionId }: { versionId: string }) {
  const t = useTranslations("frameworks");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [failed, setFailed] = useState(false);
  const [pending, setPending] = useState(false);

  async function download() {
    setPending(true);
    setFailed(false);
    try {
      const { filename, json } = await queryClient.fetchQuery(trpc.framework.export.queryOptions({ versionId }));
      const url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = filename;
      document.body.append(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(url);
    } catch {
      setFailed(true);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <button type="button" className="secondary" onClick={() => void download()} disabled={pending}>
        {t("download")}
      </button>
      {failed && (
        <div className="alert error" role="alert">
          {t("downloadFailed")}
        </div>
      )}
    </>
  );
}
