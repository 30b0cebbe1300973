import { describe, expect, it } from "vitest";
import { createUser, domainErrorFrom, unique } from "@/db/testing/factories";
import { authenticate, SIGN_IN_LIMITS } from "./auth.service";

/** A documentation-range address of its own per test, so address counters never leak between tests. */
const newAddress = () => `2001:db8::${unique()}`;

const summary = (error: { code: string; messageKey: string; values: object; field?: string; message: string }) => ({
  code: error.code,
  messageKey: error.messageKey,
  values: error.values,
  field: error.field,
  message: error.message,
});

describe("signing in", () => {
  it("returns the person without their password hash", async () => {
    const user = await createUser({ name: "Dana Reyes" });
    const result = await authenticate(user.email, user.password, newAddress());
    expect(result).toEqual({ id: user.id, email: user.email, name: "Dana Reyes", isAdmin: false });
  });

  it("ignores the case and surrounding spaces of the email", async () => {
    const user = await createUser();
    const result = await authenticate(`  ${user.email.toUpperCase()} `, user.password, newAddress());
    expect(result.id).toBe(user.id);
  });

  it("fails a wrong password and an unknown email in exactly the same way", async () => {
    const user = await createUser();
    const wrongPassword = await domainErrorFrom(authenticate(user.email, "not the password", newAddress()));
    const unknownEmail = await domainErrorFrom(authenticate(`nobody-${unique()}@example.org`, user.password, newAddress()));
    expect(summary(wrongPassword)).toEqual({
      code: "UNAUTHENTICATED",
      messageKey: "invalidCredentials",
      values: {},
      field: undefined,
      message: "UNAUTHENTICATED: invalidCredentials",
    });
    expect(summary(unknownEmail)).toEqual(summary(wrongPassword));
  });

  it(`locks an account after ${SIGN_IN_LIMITS.perAccount} failures, even for the right password and from another address`, async () => {
    const user = await createUser();
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.perAccount; attempt++) {
      expect((await domainErrorFrom(authenticate(user.email, `wrong ${attempt}`, newAddress()))).code).toBe("UNAUTHENTICATED");
    }
    const locked = await domainErrorFrom(authenticate(user.email, user.password, newAddress()));
    expect(summary(locked)).toMatchObject({ code: "RATE_LIMITED", messageKey: "tooManySignInAttempts", values: { minutes: 15 } });
  });

  it("counts failures per account whatever case the email was typed in", async () => {
    const user = await createUser();
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.perAccount; attempt++) {
      const typed = attempt % 2 ? user.email.toUpperCase() : user.email;
      await domainErrorFrom(authenticate(typed, "wrong", newAddress()));
    }
    expect((await domainErrorFrom(authenticate(user.email, user.password, newAddress()))).code).toBe("RATE_LIMITED");
  });

  it("lets the account in again once the window has passed", async () => {
    const user = await createUser();
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.perAccount; attempt++) {
      await domainErrorFrom(authenticate(user.email, "wrong", newAddress()));
    }
    const later = new Date(Date.now() + (SIGN_IN_LIMITS.windowMinutes + 1) * 60_000);
    expect((await authenticate(user.email, user.password, newAddress(), later)).id).toBe(user.id);
  });

  it("clears the account's failures after a successful sign-in", async () => {
    const user = await createUser();
    const failBelowLimit = async () => {
      for (let attempt = 0; attempt < SIGN_IN_LIMITS.perAccount - 1; attempt++) {
        expect((await domainErrorFrom(authenticate(user.email, "wrong", newAddress()))).code).toBe("UNAUTHENTICATED");
      }
    };
    await failBelowLimit();
    await authenticate(user.email, user.password, newAddress());
    // Without the reset these would make 2 × (limit − 1) failures in one window, and lock the account.
    await failBelowLimit();
    expect((await authenticate(user.email, user.password, newAddress())).id).toBe(user.id);
  });

  it(`limits one address to ${SIGN_IN_LIMITS.perAddress} failures across many accounts`, async () => {
    const address = newAddress();
    const user = await createUser();
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.perAddress; attempt++) {
      const error = await domainErrorFrom(authenticate(`guess-${unique()}@example.org`, "guess", address));
      expect(error.code).toBe("UNAUTHENTICATED");
    }
    // The right password for an untouched account is refused from that address, and accepted from another.
    expect((await domainErrorFrom(authenticate(user.email, user.password, address))).code).toBe("RATE_LIMITED");
    expect((await authenticate(user.email, user.password, newAddress())).id).toBe(user.id);
  });
});
