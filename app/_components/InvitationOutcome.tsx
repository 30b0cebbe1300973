"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

/** The link to pass on when email is not configured, with a copy button. */
function InvitationLink({ link }: { link: string }) {
  const t = useTranslations("people");
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-box">
      <label className="visually-hidden" htmlFor="invitation-link">
        {t("linkLabel")}
      </label>
      <input id="invitation-link" readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
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
          <InvitationLink link={result.link ?? ""} />
        </>
      )}
    </div>
  );
}
