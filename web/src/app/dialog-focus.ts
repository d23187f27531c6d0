import { useRef, useState } from "react";

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

/**
 * A dialog about one thing (an offer, a move, a material) with `useDialogFocus`'s focus rules: `open`
 * with the thing and the button pressed, `close` with where the focus goes, and `modalProps` spread on
 * Mantine's Modal. The thing stays set while the dialog animates closed, so its content does not vanish.
 */
export function useFocusedDialog<T>() {
  const focus = useDialogFocus();
  const [state, setState] = useState<{ value: T; isOpen: boolean } | null>(null);
  function close(to: "trigger" | "news") {
    focus.closing(to);
    setState((current) => (current ? { ...current, isOpen: false } : null));
  }
  return {
    value: state?.value ?? null,
    newsRef: focus.newsRef,
    open(value: T, button: HTMLElement | null) {
      focus.opened(button);
      setState({ value, isOpen: true });
    },
    close,
    modalProps: {
      opened: state?.isOpen ?? false,
      onClose: () => close("trigger"),
      onExitTransitionEnd: () => {
        focus.restore();
        setState(null);
      },
      returnFocus: false,
    },
  };
}
