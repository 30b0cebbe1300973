import { getTranslations } from "next-intl/server";
import type { FrameworkContent } from "@/db/schema";
import { STAGE_NUMBERS } from "@/db/vocabulary/frameworks";
import { TableScroll } from "@/app/_components/TableScroll";

/**
 * A framework version to read: the stages, then each area with its key elements, their
 * descriptions and, as a table, what each stage looks like for the element.
 */
export async function FrameworkView({ content }: { content: FrameworkContent }) {
  const t = await getTranslations("frameworks");
  const stageName = new Map(content.stages.map((stage) => [String(stage.number), stage.name]));
  return (
    <>
      <h2>{t("stagesHeading")}</h2>
      <ol>
        {content.stages.map((stage) => (
          <li key={stage.number}>
            <strong>{stage.name}</strong>
            {stage.description ? ` — ${stage.description}` : ""}
          </li>
        ))}
      </ol>

      <h2>{t("areasHeading")}</h2>
      {content.areas.map((area) => (
        <section key={area.key} aria-labelledby={`area-${area.key}`}>
          <h3 id={`area-${area.key}`}>{t("areaHeading", { key: area.key, name: area.name })}</h3>
          {area.description && <p>{area.description}</p>}
          <ul className="plain-list">
            {area.elements.map((element) => (
              <li key={element.key} className="framework-element">
                <h4>{element.name}</h4>
                <p className="element-key">{t("elementKey", { key: element.key })}</p>
                {element.description && <p>{element.description}</p>}
                {element.rubric && Object.keys(element.rubric).length > 0 && (
                  <TableScroll label={t("rubricCaption", { element: element.name })}>
                    <table>
                      <caption>{t("rubricCaption", { element: element.name })}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("stageColumn")}</th>
                          <th scope="col">{t("lookColumn")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {STAGE_NUMBERS.map((number) => (
                          <tr key={number}>
                            <th scope="row">{t("stageCell", { number, name: stageName.get(number) ?? "" })}</th>
                            <td>{element.rubric?.[number] ?? t("notDescribed")}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableScroll>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
