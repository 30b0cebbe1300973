import type messages from "./messages/en.json";

/** A top-level section of the message catalog ("gaps", "errors", …). */
export type Namespace = keyof typeof messages;
