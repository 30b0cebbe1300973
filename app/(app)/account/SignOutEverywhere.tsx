"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";

/** Ends every session of this person, then this browser's too. */
export function SignOutEverywhere() {
  const t = useTranslations("account");
  const trpc = useTRPC();
  const end = useMutation(
    trpc.account.signOutEverywhere.mutationOptions({ onSuccess: () => signOut({ callbackUrl: "/login?signedOut=1" }) }),
  );
  return (
    <div className="stack">
      <p>{t("signOutEverywhereHint")}</p>
      <FormError error={end.error} />
      <div>
        <button type="button" className="danger" onClick={() => end.mutate()} disabled={end.isPending || end.isSuccess}>
          {end.isPending || end.isSuccess ? t("signingOut") : t("signOutEverywhere")}
        </button>
      </div>
    </div>
  );
}
