"use client";

import { FrameworkLanguageNote } from "@/app/_components/FrameworkLanguageNote";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/app/_trpc/client";
import { PARAPHRASED_WORDING } from "@/db/vocabulary/frameworks";
import { CalendarDate } from "@/app/_components/DateTime";
import { SelectField } from "@/app/_components/forms";
import { TableScroll } from "@/app/_components/TableScroll";

interface Props {
  taskForceSlug: string;
  canManage: boolean;
  canRespond: boolean;
}

/** The task force's rounds, newest first, with what the person may do with each. */
export function RoundsList({ taskForceSlug, canManage, canRespond }: Props) {
  const t = useTranslations("assessments");
  const tFrameworks = useTranslations("frameworks");
  const trpc = useTRPC();
  const input = { taskForceSlug };
  const rounds = useQuery(trpc.assessment.list.queryOptions(input));
  const framework = useQuery(trpc.framework.outline.queryOptions(input));
  const base = `/tf/${taskForceSlug}/assessments`;
  const list = rounds.data ?? [];
  // Comparing needs ratings: draft rounds have none.
  const comparable = list.filter((round) => round.status !== "draft");

  return (
    <>
      {framework.data && (
        <p className="lead">
          {t("frameworkInUse", { name: framework.data.frameworkName, version: framework.data.version })}
          {framework.data.wordingNote === PARAPHRASED_WORDING && (
            <>
              {" "}
              {tFrameworks("paraphrased")}
            </>
          )}
        </p>
      )}
      {framework.data && <FrameworkLanguageNote untranslatedTexts={framework.data.untranslatedTexts} />}
      <p>{t("intro")}</p>

      <h2 id="rounds-heading">{t("roundsHeading")}</h2>
      {rounds.isSuccess && list.length === 0 ? (
        <p>{canManage ? t("noRoundsCoordinator") : t("noRounds")}</p>
      ) : (
        <TableScroll label={t("roundsHeading")}>
          <table aria-labelledby="rounds-heading">
            <thead>
              <tr>
                <th scope="col">{t("roundTitle")}</th>
                <th scope="col">{t("statusColumn")}</th>
                <th scope="col">{t("opensOn")}</th>
                <th scope="col">{t("closesOn")}</th>
                <th scope="col">{t("progressColumn")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((round) => (
                <tr key={round.id}>
                  <th scope="row">
                    <Link href={`${base}/${round.id}`}>{round.title}</Link>
                  </th>
                  <td>{t(`status.${round.status}`)}</td>
                  <td>
                    <CalendarDate value={round.opensOn} />
                  </td>
                  <td>
                    <CalendarDate value={round.closesOn} />
                  </td>
                  <td>{round.status === "draft" ? t("notOpenedYet") : t("submittedOf", { submitted: round.submittedCount, asked: round.askedCount })}</td>
                  <td>
                    <div className="inline-actions">
                      <Link href={`${base}/${round.id}`} aria-label={t("resultsOf", { title: round.title })}>
                        {t("results")}
                      </Link>
                      {canRespond && round.status === "open" && (
                        <Link href={`${base}/${round.id}/respond`} aria-label={t("respondTo", { title: round.title })}>
                          {t("respond")}
                        </Link>
                      )}
                      {canManage && (
                        <Link href={`${base}/${round.id}/manage`} aria-label={t("manageRound", { title: round.title })}>
                          {t("manage")}
                        </Link>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      {comparable.length >= 2 && (
        <CompareForm
          action={`${base}/compare`}
          rounds={comparable.map(({ id, title }) => ({ id, title }))}
        />
      )}
    </>
  );
}

/**
 * A plain GET form: the comparison page reads a, b and same from its address, so a comparison can
 * be bookmarked and shared. The list is newest first, so the defaults compare the latest round
 * (B, later) with the one before it (A, earlier).
 */
function CompareForm({ action, rounds }: { action: string; rounds: { id: string; title: string }[] }) {
  const t = useTranslations("assessments");
  const options = rounds.map((round) => ({ value: round.id, label: round.title }));
  return (
    <form className="stack" method="get" action={action} aria-labelledby="compare-heading">
      <h2 id="compare-heading">{t("compareHeading")}</h2>
      <p>{t("compareIntro")}</p>
      <SelectField label={t("compareA")} name="a" options={options} defaultValue={rounds[1]?.id} />
      <SelectField label={t("compareB")} name="b" options={options} defaultValue={rounds[0]?.id} />
      <label className="choice">
        <input type="checkbox" name="same" value="1" aria-describedby="compare-same-hint" />
        {t("sameRespondents")}
      </label>
      <span className="hint" id="compare-same-hint">
        {t("sameRespondentsHint")}
      </span>
      <div>
        <button type="submit">{t("compareSubmit")}</button>
      </div>
    </form>
  );
}
