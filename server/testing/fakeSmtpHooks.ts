import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { start, type FakeSmtpServer } from "./fakeSmtpServer";

/**
 * A fake SMTP server for the tests of the calling file or describe block: started before them,
 * emptied (and the environment unstubbed) after each, closed after all. Read it as `.current`.
 */
export function withFakeSmtpServer(): { readonly current: FakeSmtpServer } {
  const holder = {} as { current: FakeSmtpServer };
  beforeAll(async () => {
    holder.current = await start();
  });
  afterAll(async () => {
    await holder.current.close();
  });
  afterEach(() => {
    holder.current.messages.length = 0;
    vi.unstubAllEnvs();
  });
  return holder;
}
