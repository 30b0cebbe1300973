import { isDeepStrictEqual } from "node:util";
import type { Database } from "@/server/lib/unitOfWork";
import type { FrameworkContent } from "@/db/schema";
import { DEFAULT_FRAMEWORK_CONTENT, DEFAULT_FRAMEWORK_DESCRIPTION, DEFAULT_FRAMEWORK_ENGLISH, DEFAULT_FRAMEWORK_NAME, PARAPHRASED } from "./defaultFrameworkContent";
import {
  DEFAULT_FRAMEWORK_KEY,
  findFrameworkByKey,
  findLatestVersionOfFramework,
  insertFramework,
  insertNextFrameworkVersion,
  lockFramework,
} from "./frameworks.queries";

/**
 * Whether a version is an earlier shipped default: our paraphrased English exactly, without the
 * translations shipped since. An administrator's own version (imported or edited) never is.
 */
function isEarlierShippedVersion(version: { content: FrameworkContent; wordingNote: string }): boolean {
  const { translations, ...english } = version.content;
  return version.wordingNote === PARAPHRASED && translations === undefined && isDeepStrictEqual(english, DEFAULT_FRAMEWORK_ENGLISH);
}

/**
 * Creates the default framework and its first version when they are missing, so it runs on every
 * start. An install whose default is still an earlier shipped version (the same English without
 * the translations) gets the shipped content as its next version: rounds taken on the earlier one
 * keep it, new rounds are read in Spanish too. Anything else is left alone. Returns the framework's
 * id. One transaction, so a framework never exists without a version; two instances starting at
 * once are kept apart by the unique key and the framework's row lock (the second waits for the
 * first to commit, then finds its rows and leaves them).
 */
export async function ensureDefaultFramework(db: Database): Promise<{ frameworkId: string }> {
  return db.transaction(async (tx) => {
    const framework =
      (await insertFramework(tx, {
        key: DEFAULT_FRAMEWORK_KEY,
        name: DEFAULT_FRAMEWORK_NAME,
        description: DEFAULT_FRAMEWORK_DESCRIPTION,
      })) ?? (await findFrameworkByKey(tx, DEFAULT_FRAMEWORK_KEY));
    if (!framework) throw new Error("the default framework could neither be created nor found");
    await lockFramework(tx, framework.id);
    const latest = await findLatestVersionOfFramework(tx, framework.id);
    if (!latest || isEarlierShippedVersion(latest)) {
      await insertNextFrameworkVersion(tx, {
        frameworkId: framework.id,
        content: DEFAULT_FRAMEWORK_CONTENT,
        wordingNote: PARAPHRASED,
        createdByUserId: null,
      });
    }
    return { frameworkId: framework.id };
  });
}
