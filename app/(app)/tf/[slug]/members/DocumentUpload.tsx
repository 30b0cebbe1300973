"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { FormError, SuccessMessage, useFieldMessage, type ErrorLike } from "@/app/_components/forms";
import { MAX_DOCUMENT_BYTES } from "@/server/domains/documents/documents.rules";

/**
 * Attaches a file to a record through the upload route handler (files do not travel through tRPC).
 * The server judges the type by content; its 413/415 answers come back as catalog keys and are shown
 * here, next to the file input, which keeps the chosen file.
 */
export function DocumentUpload({
  taskForceSlug,
  target,
  recordId,
  recordTitle,
  onUploaded,
}: {
  taskForceSlug: string;
  target: "mou" | "protocol";
  recordId: string;
  recordTitle: string;
  onUploaded: () => Promise<unknown>;
}) {
  const t = useTranslations("documents");
  const id = useId();
  const fieldMessage = useFieldMessage();
  const [error, setError] = useState<ErrorLike | null>(null);
  const [uploaded, setUploaded] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setUploaded(null);
    setPending(true);
    try {
      const response = await fetch(`/api/tf/${taskForceSlug}/documents?target=${target}&recordId=${recordId}`, {
        method: "POST",
        body: new FormData(event.currentTarget),
      });
      const body = (await response.json().catch(() => ({ messageKey: "internal" }))) as NonNullable<ErrorLike["data"]> & { filename?: string };
      if (!response.ok) {
        setError({ data: body });
        return;
      }
      setUploaded(body.filename ?? "");
      await onUploaded();
    } catch {
      setError({ data: { messageKey: "unavailable" } });
    } finally {
      setPending(false);
    }
  }

  const problems = error?.data?.fieldErrors?.file ?? [];
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={t("uploadFor", { title: recordTitle })}>
      {uploaded !== null && <SuccessMessage>{t("uploaded", { filename: uploaded })}</SuccessMessage>}
      {problems.length === 0 && <FormError error={error} />}
      <div className="field">
        <label htmlFor={id}>{t("file")}</label>
        <span className="hint" id={`${id}-hint`}>
          {t("hint", { maxMegabytes: MAX_DOCUMENT_BYTES / (1024 * 1024) })}
        </span>
        <input
          id={id}
          name="file"
          type="file"
          required
          accept=".pdf,.docx,.odt,.png,.jpg,.jpeg,.txt,application/pdf,image/png,image/jpeg,text/plain"
          aria-describedby={problems.length ? `${id}-hint ${id}-error` : `${id}-hint`}
          {...(problems.length ? { "aria-invalid": true } : {})}
        />
        {problems.length > 0 && (
          <span className="error" id={`${id}-error`} role="alert">
            {problems.map(fieldMessage).join(" ")}
          </span>
        )}
      </div>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? t("uploading") : t("upload")}
        </button>
      </div>
    </form>
  );
}

/** A link that downloads a stored document (the route handler sends it as an attachment). */
export function DocumentLink({ taskForceSlug, documentId, label }: { taskForceSlug: string; documentId: string; label: string }) {
  return (
    <a href={`/api/tf/${taskForceSlug}/documents/${documentId}`} download>
      {label}
    </a>
  );
}
