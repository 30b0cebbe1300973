"use client";

import { useEffect, useId, useRef, useState } from "react";

/** What a confirmation asks, and its two answers, as verbs ("Close the round", "Keep it open"). */
export interface ConfirmQuestion {
  text: string;
  confirmLabel: string;
  cancelLabel: string;
}

/**
 * Asks before something that cannot simply be undone, in a modal <dialog> of the page rather than the
 * browser's confirm box: the page's language, styles and named buttons, announced as a dialog with
 * its question. The browser's modal keeps focus inside, starts it on the first button (the safe
 * answer, so Enter never confirms by surprise), closes on Escape as a "no", and focus goes back to
 * the button that asked.
 *
 * `confirm(question)` resolves true or false; render `dialog` once, where it suits the component.
 */
export function useConfirm() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const answer = useRef<((confirmed: boolean) => void) | null>(null);
  const askedFrom = useRef<HTMLElement | null>(null);
  const [question, setQuestion] = useState<ConfirmQuestion | null>(null);
  const textId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (question && dialog && !dialog.open) dialog.showModal();
  }, [question]);

  function confirm(next: ConfirmQuestion): Promise<boolean> {
    answer.current?.(false);
    askedFrom.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setQuestion(next);
    return new Promise((resolve) => {
      answer.current = resolve;
    });
  }

  /** Every way the dialog ends (a button, Escape) comes through its close event, answered once. */
  function onClose() {
    const confirmed = dialogRef.current?.returnValue === "confirm";
    setQuestion(null);
    answer.current?.(confirmed);
    answer.current = null;
    askedFrom.current?.focus();
  }

  const dialog = question && (
    <dialog ref={dialogRef} className="confirm-dialog" aria-labelledby={textId} onClose={onClose}>
      <form method="dialog">
        <p id={textId}>{question.text}</p>
        <div className="inline-actions">
          <button type="submit" value="cancel">
            {question.cancelLabel}
          </button>
          <button type="submit" value="confirm" className="danger">
            {question.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
  return { confirm, dialog };
}
