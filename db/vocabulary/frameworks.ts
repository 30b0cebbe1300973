/** The wording note of the shipped default framework; the UI labels such versions as paraphrased. Plain data, so browser code may use it. */
export const PARAPHRASED_WORDING = "paraphrased";

/** The five stages of development, as a framework file names them. */
export const STAGE_NUMBERS = ["1", "2", "3", "4", "5"] as const;
