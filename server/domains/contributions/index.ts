/*
 * What the rest of the server may use of this domain's data access, besides its service: the
 * reads and writes of its tables that other domains need. Everything else in contributions.queries.ts is
 * the domain's own; lint refuses an import of another domain's *.queries.ts (eslint.config.mjs).
 */
export {
  sumMatchInputsByPeriod,
  sumSubmittedValues,
} from "./contributions.queries";
