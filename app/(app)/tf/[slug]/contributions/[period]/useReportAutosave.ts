import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useEffect, useRef, useState } from "react";
import { fieldErrorsOf, type ClientError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import type { FieldErrors } from "@/server/trpc/fieldErrors";
import type { RouterOutputs } from "../types";
import { deviceStore, dropExpiredLocalCopies, localCopyKey, readLocalCopy, writeLocalCopy, type LocalCopyOwner } from "./localCopy";
import { checkFigures, combineFigures, figuresOf, onFormRows, sameFigures, sentRows, type ReportFigures } from "./reportFigures";

type Report = RouterOutputs["contribution"]["report"];

/** Changes are saved as a draft this long after the last one (and at once when the page is hidden or left). */
const PAUSE_MS = 1500;

export type AutosaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  /** Figures the server would refuse: kept on the device, not sent; `count` inputs say what is wrong. */
  | { kind: "invalid"; count: number }
  /** The server refused or could not be reached (`error` null: no answer). */
  | { kind: "failed"; error: ClientError | null }
  /** Someone else saved or submitted the report since these figures were loaded: the person chooses what happens. */
  | { kind: "conflict"; error: ClientError };

export type FormNotice = { kind: "restored"; at: Date } | { kind: "combined" } | null;

const asClientError = (error: unknown) => (error instanceof TRPCClientError ? (error as ClientError) : null);

/**
 * The figures of one organization's report while a person works on them: every change is kept on
 * the device at once and, while the report is not submitted, saved as a draft after a pause —
 * only figures the server would take, only on top of the version they were loaded with. Saves
 * and the submission run one at a time, the latest figures last, so an older save never
 * overwrites a newer one. When someone else saved in between, nothing is overwritten: the person
 * applies their changes to the other's figures, or discards theirs.
 */
export function useReportAutosave({ taskForceSlug, owner, data }: { taskForceSlug: string; owner: LocalCopyOwner; data: Report }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const saveDraft = useMutation(trpc.contribution.saveDraft.mutationOptions());
  const submitReport = useMutation(trpc.contribution.submit.mutationOptions());
  const key = localCopyKey(owner);

  const [figures, setFigures] = useState<ReportFigures>(() => figuresOf(data.content));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<AutosaveStatus>({ kind: "idle" });
  const [notice, setNotice] = useState<FormNotice>(null);
  /** What the form shows now (state lags a render behind; saves read this). */
  const latest = useRef(figures);
  /** The report's version these figures were made on (null: no report yet), and its figures then. */
  const version = useRef(data.report?.version ?? null);
  const base = useRef(figures);
  const typedAt = useRef(new Date(0));
  /** A conflict waits for the person's choice: nothing is saved meanwhile. */
  const blocked = useRef(false);
  const editable = useRef(data.canEdit);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    editable.current = data.canEdit;
  }, [data.canEdit]);

  const keep = (next: ReportFigures | null) => {
    const store = deviceStore();
    if (!store) return;
    writeLocalCopy(store, key, next && { typedAt: typedAt.current.toISOString(), baseVersion: version.current, base: base.current, figures: next });
  };

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.contribution.report.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.contribution.period.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.contribution.overview.pathKey() }),
    ]);

  /** Runs `work` after every save already under way: each reads the version the one before left. */
  function enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.current.then(work);
    queue.current = run.catch(() => undefined);
    return run;
  }

  function cancelPause() {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }

  /** Figures checked as the server would; their problems shown otherwise. */
  function checked(next: ReportFigures) {
    const result = checkFigures(next);
    if (!result.ok) {
      setErrors(result.errors);
      setStatus({ kind: "invalid", count: Object.keys(result.errors).length });
    }
    return result;
  }

  /** A refused save or submission: a conflict waits for the person's choice; other problems go beside their inputs (and, for a save, in the status line — a submission's show above the form). */
  async function refused(error: unknown, sent: ReportFigures, what: "save" | "submit") {
    const clientError = asClientError(error);
    if (clientError?.data?.code === "CONFLICT") {
      blocked.current = true;
      // The choice offered next works on what the server holds now.
      await queryClient.invalidateQueries({ queryKey: trpc.contribution.report.pathKey() });
      setStatus({ kind: "conflict", error: clientError });
      return;
    }
    setErrors(onFormRows(fieldErrorsOf(clientError), sentRows(sent)));
    if (what === "save") setStatus({ kind: "failed", error: clientError?.data ? clientError : null });
  }

  /** After the server took `sent` as `nextVersion`: the device keeps only what came after. */
  function accepted(sent: ReportFigures, nextVersion: number) {
    version.current = nextVersion;
    base.current = sent;
    keep(sameFigures(latest.current, sent) ? null : latest.current);
    setErrors({});
    // Restored figures the server now has are no longer only the device's: nothing is left to discard.
    setNotice((current) => (current?.kind === "restored" ? null : current));
  }

  async function saveNow(asked: boolean): Promise<boolean> {
    if (!editable.current || blocked.current) return false;
    const next = latest.current;
    const result = checked(next);
    if (!result.ok) return false;
    // Nothing new: no request. A report not yet begun is begun empty only when the person asks.
    if (sameFigures(next, base.current) && (version.current !== null || !asked)) {
      keep(null);
      setErrors({});
      setStatus((current) => (current.kind === "saved" ? current : { kind: "idle" }));
      return true;
    }
    setStatus({ kind: "saving" });
    try {
      const saved = await saveDraft.mutateAsync({ taskForceSlug, period: owner.period, organizationId: owner.organizationId, version: version.current, ...result.content });
      const created = version.current === null;
      accepted(next, saved.version);
      setStatus({ kind: "saved", at: saved.savedAt });
      // Only a new report changes what the page shows (its status); later drafts change no figure others see.
      if (created) void refresh();
      return true;
    } catch (error) {
      await refused(error, next, "save");
      return false;
    }
  }

  /** Saves the figures as a draft now (after the saves under way); true when the server has them. `asked`: the person pressed "Save draft". */
  function save(asked = false): Promise<boolean> {
    cancelPause();
    return enqueue(() => saveNow(asked));
  }

  /** Submits the figures (after the saves under way); the result, or null when refused (the form says why). */
  function submit() {
    cancelPause();
    return enqueue(async () => {
      if (blocked.current) return null;
      const next = latest.current;
      const result = checked(next);
      if (!result.ok) return null;
      setStatus({ kind: "idle" });
      try {
        const submitted = await submitReport.mutateAsync({ taskForceSlug, period: owner.period, organizationId: owner.organizationId, version: version.current, ...result.content });
        accepted(next, submitted.version);
        return submitted;
      } catch (error) {
        await refused(error, next, "submit");
        return null;
      }
    });
  }

  /** A change typed or made (a row added or removed): kept on the device now, saved after the pause. */
  function change(next: ReportFigures) {
    latest.current = next;
    typedAt.current = new Date();
    setFigures(next);
    keep(next);
    // A problem fixed disappears as it is fixed; new ones wait for the pause, not the first keystroke.
    const shown = Object.keys(errors);
    if (shown.length > 0) {
      const result = checkFigures(next);
      setErrors(result.ok ? {} : Object.fromEntries(Object.entries(result.errors).filter(([path]) => shown.includes(path))));
    }
    cancelPause();
    if (editable.current && !blocked.current) timer.current = setTimeout(() => void save(), PAUSE_MS);
  }

  /** Back to the figures the server holds, dropping what the device kept. */
  function loadSaved() {
    cancelPause();
    const saved = figuresOf(data.content);
    latest.current = saved;
    base.current = saved;
    version.current = data.report?.version ?? null;
    blocked.current = false;
    keep(null);
    setFigures(saved);
    setErrors({});
    setStatus({ kind: "idle" });
    setNotice(null);
  }

  /** The person's changes applied to the figures someone else saved meanwhile; saved after the pause. */
  function combine() {
    const theirs = figuresOf(data.content);
    const combined = combineFigures(base.current, latest.current, theirs);
    base.current = theirs;
    version.current = data.report?.version ?? null;
    blocked.current = false;
    setStatus({ kind: "idle" });
    setNotice({ kind: "combined" });
    change(combined);
  }

  // Coming back: what this device kept and the server does not have is put back in the form, and
  // said so. It is saved with the person's next change, or dropped with "Discard".
  useEffect(() => {
    const store = deviceStore();
    if (!store) return;
    const now = new Date();
    dropExpiredLocalCopies(store, now);
    const copy = readLocalCopy(store, key, now);
    if (!copy) return;
    if (sameFigures(copy.figures, figuresOf(data.content))) {
      writeLocalCopy(store, key, null);
      return;
    }
    // A submitted report takes no changes; the copy waits (a coordinator may return the report).
    if (!data.canEdit) return;
    latest.current = copy.figures;
    base.current = copy.base;
    version.current = copy.baseVersion;
    typedAt.current = new Date(copy.typedAt);
    // The copy is in this browser only, so the page from the server cannot hold it: it comes after.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setFigures(copy.figures);
    setNotice({ kind: "restored", at: new Date(copy.typedAt) });
    // Once per form (the key names person, task force, organization and period); later data is the form's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  // The report changed elsewhere (a file imported, a coordinator's return, another device) while
  // nothing typed here waits to be saved: the form shows the server's figures. With unsaved typing
  // the next save meets the conflict, and the person chooses.
  const serverVersion = data.report?.version ?? null;
  useEffect(() => {
    if (serverVersion === null || serverVersion === version.current) return;
    if (version.current !== null && serverVersion < version.current) return;
    if (blocked.current || !sameFigures(latest.current, base.current)) return;
    const saved = figuresOf(data.content);
    latest.current = saved;
    base.current = saved;
    version.current = serverVersion;
    setFigures(saved);
    // Only a newer version of the report is news; its content comes with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serverVersion]);

  // Leaving: a change still waiting for its pause is saved now — when the tab is hidden (closed,
  // switched away from, the phone locked) and when the form goes (another page of the app).
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    const flush = () => {
      if (timer.current) void saveRef.current();
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flush();
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      flush();
    };
  }, []);

  return {
    refresh,
    figures,
    errors,
    status,
    notice,
    submitError: submitReport.error?.data?.code === "CONFLICT" ? null : submitReport.error,
    change,
    save,
    submit,
    loadSaved,
    combine,
    /** A coordinator returned the report: its figures are the same, its version is not. */
    returned: (nextVersion: number) => {
      version.current = nextVersion;
    },
  };
}
