import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { Link } from "@/app/_components/Link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/app/_components/SignOutButton";
import { serverCaller } from "@/app/_trpc/server";
import { PUBLIC_REQUEST_WINDOW_MINUTES } from "@/server/domains/rateLimits/rateLimits.service";
import { AcceptInvitation, CreateAccountAndAccept } from "./AcceptInvitation";
import { ClientMessages } from "@/app/i18n/ClientMessages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invite"))("title") };
}

/** Why a link no longer works, each with what to do next. */
const UNUSABLE = {
  notFound: ["notFoundTitle", "notFound"],
  used: ["usedTitle", "used"],
  expired: ["expiredTitle", "expired"],
  revoked: ["revokedTitle", "revoked"],
} as const;

export default async function InvitationPage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const t = await getTranslations("invite");
  const tRoles = await getTranslations("roles");
  const caller = await serverCaller();
  const invitation = await caller.invitation.lookup({ token }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    if (error instanceof TRPCError && error.code === "TOO_MANY_REQUESTS") return "rateLimited" as const;
    throw error;
  });

  if (invitation === "rateLimited") {
    return (
      <main id="main" className="narrow">
        <h1>{t("rateLimitedTitle")}</h1>
        <p>{t("rateLimited", { minutes: PUBLIC_REQUEST_WINDOW_MINUTES })}</p>
      </main>
    );
  }

  if (!invitation || invitation.status !== "valid") {
    const [title, text] = UNUSABLE[invitation?.status ?? "notFound"];
    return (
      <main id="main" className="narrow">
        <h1>{t(title)}</h1>
        <p>{t(text)}</p>
        <p>
          <Link href="/login">{t("goToSignIn")}</Link>
        </p>
      </main>
    );
  }

  const me = await caller.account.me().catch(() => null);
  const role = tRoles(invitation.role);
  return (
    <ClientMessages namespaces={["account", "invite", "nav"]}>
      <main id="main" className="narrow">
        <h1>{t("joinTitle", { taskForce: invitation.taskForceName })}</h1>
        <p>
          {invitation.organizationName
            ? t("detailsOrganization", { taskForce: invitation.taskForceName, role, organization: invitation.organizationName })
            : t("details", { taskForce: invitation.taskForceName, role })}{" "}
          {t("forEmail", { email: invitation.email })}
        </p>
        {me ? (
          me.email.toLowerCase() === invitation.email.toLowerCase() ? (
            <AcceptInvitation token={token} taskForceSlug={invitation.taskForceSlug} />
          ) : (
            <>
              <p className="alert error">{t("wrongAccount", { current: me.email, email: invitation.email })}</p>
              <SignOutButton />
            </>
          )
        ) : invitation.hasAccount ? (
          <>
            <p>{t("signInToAccept", { email: invitation.email })}</p>
            <p>
              <Link className="button" href={`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>
                {t("signIn")}
              </Link>
            </p>
          </>
        ) : (
          <CreateAccountAndAccept token={token} email={invitation.email} />
        )}
      </main>
    </ClientMessages>
  );
}
