"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

/** A link to pass on (an invitation, a password reset), with a copy button. */
export function CopyableLink({ link, label }: { link: string; label: string }) {
  const t = useTranslations("people");
  const [copied, setCopied] = useState(false);
  const id = useId();
  return (
    <div className="copy-box">
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <input id={id} readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
      <button
        type="button"
        className="secondary"
        onClick={() => navigator.clipboard?.writeText(link).then(() => setCopied(true))}
      >
        {copied ? t("copied") : t("copy")}
      </button>
    </div>
  );
}

/** Where a new invitation went: emailed, or a link the inviter passes on themselves. */
export function InvitationOutcome({ result }: { result: { email: string; emailed: boolean; link: string | null } }) {
  const t = useTranslations("people");
  return (
    <div className="alert success" role="status">
      {result.emailed ? (
        <p>{t("invitedEmailed", { email: result.email })}</p>
      ) : (
        <>
          <p>{t("invitedLink", { email: result.email })}</p>
          <CopyableLink link={result.link ?? ""} label={t("linkLabel")} />
        </>
      )}
    </div>
  );
}
