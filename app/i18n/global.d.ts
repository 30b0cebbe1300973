import type messages from "./messages/en.json";

// Typed message keys: a missing or misspelt key fails the type check, not the page.
declare module "next-intl" {
  interface AppConfig {
    Messages: typeof messages;
  }
}
