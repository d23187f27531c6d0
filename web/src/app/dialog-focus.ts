import { useRef } from "react";

/**
 * Where the focus goes when a dialog closes: back to the button that opened it after a cancel, onto the
 * news (a success or conflict message with tabIndex -1) after the dialog did its work. Call `opened`
 * with the button when opening, `closing` with the destination, and `restore` from the dialog's
 * `onExitTransitionEnd` (its own focus return stays off: the opening button may be gone by then).
 */
export function useDialogFocus() {
  const trigger = useRef<HTMLElement | null>(null);
  const destination = useRef<"trigger" | "news">("trigger");
  const newsRef = useRef<HTMLDivElement>(null);
  return {
    newsRef,
    opened(button: HTMLElement | null) {
      trigger.current = button;
      destination.current = "trigger";
    },
    closing(to: "trigger" | "news") {
      destination.current = to;
    },
    restore() {
      const button = trigger.current?.isConnected ? trigger.current : null;
      (destination.current === "trigger" && button ? button : (newsRef.current ?? button))?.focus();
    },
  };
}
