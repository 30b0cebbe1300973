"use client";

import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { Link } from "@/app/_components/Link";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { StageRadar } from "@/app/_components/charts/StageRadar";
import { useLevelText, useStageText } from "@/app/_components/charts/format";
import { tallyMovements } from "@/app/_components/charts/summaries";
import { FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import type { AppRouter } from "@/server/trpc/root";
import { TableScroll } from "@/app/_components/TableScroll";

type Comparison = inferRouterOutputs<AppRouter>["assessment"]["compare"];
type ComparedElement = Comparison["areas"][number]["elements"][number];
type Movement = ComparedElement["movement"];

export interface CompareSelection {
  /** ready: two well-formed ids; incomplete: not both chosen; tooFew: fewer than two opened rounds; invalid: a malformed id. */
  state: "ready" | "incomplete" | "tooFew" | "invalid";
  a: string;
  b: string;
  sameRespondentsOnly: boolean;
}

/** An arrow as well as the word, so movement never depends on colour (the arrow is decoration). */
const ARROWS: Record<Movement, string> = { up: "↑", down: "↓", unchanged: "→", notComparable: "–" };
const MOVEMENTS: Movement[] = ["up", "down", "unchanged", "notComparable"];

export function CompareRounds({ taskForceSlug, selection }: { taskForceSlug: string; selection: CompareSelection }) {
  const t = useTranslations("assessmentResults");
  const trpc = useTRPC();
  const rounds = useQuery(trpc.assessment.list.queryOptions({ taskForceSlug }));
  const ready = selection.state === "ready";
  const comparison = useQuery({
    ...trpc.assessment.compare.queryOptions({
      taskForceSlug,
      roundA: selection.a,
      roundB: selection.b,
      sameRespondentsOnly: selection.sameRespondentsOnly,
    }),
    enabled: ready,
  });
  const choices = (rounds.data ?? []).filter((round) => round.status !== "draft");
  const known = (id: string) => id === "" || choices.some((round) => round.id === id);
  const formId = useId();

  let problem: string | null = null;
  if (selection.state === "tooFew") problem = t("needTwoRounds");
  else if (selection.state === "incomplete") problem = t("chooseTwo");
  else if (selection.state === "invalid" || comparison.error?.data?.code === "NOT_FOUND" || comparison.error?.data?.code === "BAD_REQUEST")
    problem = t("badRound");

  return (
    <>
      <p>
        <Link href={`/tf/${taskForceSlug}/assessments`}>{t("allRounds")}</Link>
      </p>
      <form method="get" className="stack compare-form" aria-labelledby={formId}>
        <h2 id={formId}>{t("compareForm")}</h2>
        {(["a", "b"] as const).map((side) => (
          <div className="field" key={side}>
            <label htmlFor={`${formId}-${side}`}>{t(side === "a" ? "roundA" : "roundB")}</label>
            <select id={`${formId}-${side}`} name={side} defaultValue={known(selection[side]) ? selection[side] : ""}>
              <option value="">{t("chooseRound")}</option>
              {choices.map((round) => (
                <option key={round.id} value={round.id}>
                  {t("roundOption", { title: round.title, status: t("status", { status: round.status }) })}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div className="field checkbox">
          <div>
            <input
              type="checkbox"
              id={`${formId}-same`}
              name="same"
              value="1"
              defaultChecked={selection.sameRespondentsOnly}
              aria-describedby={`${formId}-same-hint`}
            />
            <label htmlFor={`${formId}-same`}>{t("sameRespondents")}</label>
          </div>
          <span className="hint" id={`${formId}-same-hint`}>
            {t("sameRespondentsHint")}
          </span>
        </div>
        <div>
          <button type="submit">{t("compareSubmit")}</button>
        </div>
      </form>

      {problem ? (
        <div className="alert info" role="status">
          {problem}
        </div>
      ) : comparison.error ? (
        <FormError error={comparison.error} />
      ) : comparison.data ? (
        <ComparisonView comparison={comparison.data} />
      ) : null}
    </>
  );
}

function ComparisonView({ comparison }: { comparison: Comparison }) {
  const t = useTranslations("assessmentResults");
  const level = useLevelText();
  const stageText = useStageText();
  const { roundA, roundB, movementCounts } = comparison;
  const tally = tallyMovements(comparison.areas.map((area) => ({ before: area.resultA, after: area.resultB })));
  const side = (result: ComparedElement["a"]) =>
    result.stage === null
      ? t("noValue")
      : result.source === "agreed"
        ? t("sourceAgreed", { stage: stageText(result.stage) })
        : t("sourceMedian", { stage: stageText(result.stage) });

  return (
    <>
      <h2>{t("comparing", { a: roundA.title, b: roundB.title })}</h2>
      {roundA.id === roundB.id && <p className="alert info">{t("sameRound")}</p>}
      <p>
        {t("respondentsInBoth", { count: comparison.respondentsInBoth })}
        {comparison.sameRespondentsOnly && <> {t("comparingSame")}</>}
      </p>
      <h3>{t("movementHeading")}</h3>
      <ul className="movement-counts">
        {MOVEMENTS.map((movement) => (
          <li key={movement} className={`movement ${movement}`}>
            <span aria-hidden="true" className="arrow">
              {ARROWS[movement]}
            </span>{" "}
            {t("movementCount", { label: t("movement", { movement }), count: movementCounts[movement] })}
          </li>
        ))}
      </ul>
      <p className="hint">{t("notComparableHint")}</p>

      <StageRadar
        caption={t("compareRadarCaption", { a: roundA.title, b: roundB.title })}
        summary={t("compareSummaryMovement", {
          a: roundA.title,
          b: roundB.title,
          up: tally.up,
          total: tally.comparable,
          down: tally.down,
          unchanged: tally.unchanged,
        })}
        categoryHeading={t("areaColumn")}
        categories={comparison.areas.map((area) => ({ key: area.key, label: area.name }))}
        series={[
          { key: "b", label: roundB.title, values: Object.fromEntries(comparison.areas.map((area) => [area.key, area.resultB])) },
          { key: "a", label: roundA.title, values: Object.fromEntries(comparison.areas.map((area) => [area.key, area.resultA])) },
        ]}
      />

      {comparison.areas.map((area) => (
        <section key={area.key} aria-labelledby={`compare-${area.key}`}>
          <h3 id={`compare-${area.key}`}>{t("areaHeading", { key: area.key, name: area.name })}</h3>
          <p>
            {t("areaLevel", { level: `${level(area.resultA)} → ${level(area.resultB)}` })}
          </p>
          <TableScroll label={t("compareAreaCaption", { area: area.name })}>
            <table className="compare">
              <caption className="visually-hidden">{t("compareAreaCaption", { area: area.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("element")}</th>
                  <th scope="col">{t("stageInA")}</th>
                  <th scope="col">{t("stageInB")}</th>
                  <th scope="col">{t("movementColumn")}</th>
                  <th scope="col">{t("respondentsColumnA")}</th>
                  <th scope="col">{t("respondentsColumnB")}</th>
                </tr>
              </thead>
              <tbody>
                {area.elements.map((element) => (
                  <tr key={element.key}>
                    <th scope="row">{element.name}</th>
                    <td>{side(element.a)}</td>
                    <td>{side(element.b)}</td>
                    <td className={`movement ${element.movement}`}>
                      <span aria-hidden="true" className="arrow">
                        {ARROWS[element.movement]}
                      </span>{" "}
                      {t("movement", { movement: element.movement })}
                    </td>
                    <td>{element.respondentsA}</td>
                    <td>{element.respondentsB}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ))}
    </>
  );
}
