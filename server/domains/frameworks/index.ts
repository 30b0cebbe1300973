/*
 * What the rest of the server may use of this domain besides its service: the reads and writes of
 * its tables that other domains need, and the names of a task force's elements. Everything else in frameworks.queries.ts is
 * the domain's own; lint refuses an import of another domain's *.queries.ts (eslint.config.mjs).
 */
export {
  findCurrentFrameworkVersionOfTaskForce,
  findFrameworkByKey,
  findFrameworkVersion,
  insertFramework,
  insertNextFrameworkVersion,
} from "./frameworks.queries";
export { frameworkElements } from "./elements";
export { frameworkInLanguage, rowInLanguage } from "./frameworkLanguage";
