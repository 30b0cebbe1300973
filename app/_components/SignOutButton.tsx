"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("nav");
  return (
    <button type="button" className="link" onClick={() => signOut({ callbackUrl: "/login?signedOut=1" })}>
      {t("signOut")}
    </button>
  );
}
