import type { Metadata } from "next";
import { FrameworkLanguageNote } from "@/app/_components/FrameworkLanguageNote";
import { Link } from "@/app/_components/Link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { loadForPage, serverCaller } from "@/app/_trpc/server";
import { AdminNav } from "../../AdminNav";
import { DownloadButton } from "../DownloadButton";
import { FrameworkView } from "../FrameworkView";
import { WordingNote } from "../WordingNote";
import { EditVersionForm } from "./EditVersionForm";
import { ClientMessages } from "@/app/i18n/ClientMessages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("frameworks"))("title") };
}

/** One framework: its versions, one version to read (the latest unless ?version=N), export and edit. */
export default async function FrameworkPage({ params, searchParams }: PageProps<"/admin/frameworks/[frameworkId]">) {
  const { frameworkId } = await params;
  const { version: requested } = await searchParams;
  const path = `/admin/frameworks/${frameworkId}`;
  const caller = await serverCaller();
  const me = await loadForPage(() => caller.account.me(), path);
  if (!me.isAdmin) notFound();
  const { framework, versions } = await loadForPage(() => caller.framework.versions({ frameworkId }), path);
  const latest = versions[0];
  const chosen = typeof requested === "string" ? versions.find((row) => String(row.version) === requested) : latest;
  if (!latest || !chosen) notFound();
  const version = await loadForPage(() => caller.framework.get({ versionId: chosen.id }), path);

  const t = await getTranslations("frameworks");
  const format = await getFormatter();
  const languageName = new Intl.DisplayNames([await getLocale()], { type: "language" });
  return (
    <ClientMessages namespaces={["frameworkLanguage", "frameworks"]}>
      <main id="main">
        <AdminNav current="frameworks" />
        <p>
          <Link href="/admin/frameworks">{t("back")}</Link>
        </p>
        <h1>{t("versionTitle", { name: framework.isDefault ? t("nameWithDefault", { name: framework.name }) : framework.name, version: version.version })}</h1>
        {framework.description && <p className="lead">{framework.description}</p>}
        <p className="alert info">
          <WordingNote note={version.wordingNote} />
        </p>
        <DownloadButton versionId={version.id} />

        <h2>{t("versionsHeading")}</h2>
        <ul>
          {versions.map((row) => {
            const date = format.dateTime(row.createdAt, { dateStyle: "medium" });
            const label = row.createdByName
              ? t("versionItem", { version: row.version, date, name: row.createdByName })
              : t("versionItemShipped", { version: row.version, date });
            return (
              <li key={row.id}>
                {row.id === version.id ? (
                  <span aria-current="true">
                    {label} {t("viewing")}
                  </span>
                ) : (
                  <Link href={`${path}?version=${row.version}`}>{label}</Link>
                )}
              </li>
            );
          })}
        </ul>

        <FrameworkLanguageNote untranslatedTexts={version.untranslatedTexts} />
        {version.languages.length > 0 && <p>{t("translatedInto", { languages: format.list(version.languages.map((language) => languageName.of(language) ?? language)) })}</p>}
        <FrameworkView content={version.content} />

        <h2>{t("editHeading")}</h2>
        <EditVersionForm
          key={latest.id}
          frameworkId={frameworkId}
          latestVersion={latest.version}
          contentJson={version.id === latest.id ? version.contentJson : (await caller.framework.get({ versionId: latest.id })).contentJson}
          wordingNote={latest.wordingNote}
        />
      </main>
    </ClientMessages>
  );
}
