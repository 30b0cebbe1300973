/*
 * The part of autocannon 9's programmatic interface the page bench uses. The package ships no
 * types, and @types/autocannon describes version 7.
 */
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  interface Options {
    url: string;
    connections: number;
    /** Seconds. */
    duration: number;
    headers?: Record<string, string>;
    /** Seconds an answer may take before it counts as an error (default 10). */
    timeout?: number;
  }

  interface Result {
    /** Seconds the run took. */
    duration: number;
    /** Connection errors and timeouts. */
    errors: number;
    timeouts: number;
    non2xx: number;
  }

  /** Emits `response` (client, status code, bytes, milliseconds) for every answer, and resolves when the run is over. */
  interface Instance extends EventEmitter, PromiseLike<Result> {
    on(event: "response", listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): this;
  }

  function autocannon(options: Options): Instance;
  export default autocannon;
}
