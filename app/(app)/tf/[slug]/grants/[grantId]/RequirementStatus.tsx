"use client";

import { useTranslations } from "next-intl";
import { useReadableValues } from "@/app/_components/forms";
import type { RequirementStatus as Status } from "@/server/domains/grants/grants.rules";

interface StatusView {
  effectiveStatus: Status;
  overrideStatus: Status | null;
  overrideReason: string | null;
  computed: { status: Status; explanation: { key: string; values: Record<string, string | number> } } | null;
}

/** The status shown, and on what it rests: "computed: …", an override with its reason, or set by hand. */
export function RequirementStatus({ requirement }: { requirement: StatusView }) {
  const t = useTranslations("requirements");
  const readable = useReadableValues();
  const { computed } = requirement;
  return (
    <>
      <strong className={`status status-${requirement.effectiveStatus}`}>{t(`status.${requirement.effectiveStatus}`)}</strong>
      {computed && (
        <span className="hint">
          {t("computedPrefix")} {t(`computed.${computed.explanation.key}` as "computed.dataUseNone", readable(computed.explanation.values))}
        </span>
      )}
      {requirement.overrideStatus && (
        <span className="hint">{t("overriddenBecause", { computed: computed ? t(`status.${computed.status}`) : "", reason: requirement.overrideReason ?? "" })}</span>
      )}
    </>
  );
}
