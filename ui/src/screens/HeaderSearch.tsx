import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

type Props = {
  /** The person asked for results: pressed Enter, or paused typing with two characters or more. */
  onSearch: (text: string) => void;
  /** The box was emptied: the results give way to the page. */
  onCleared: () => void;
};

/**
 * The search box in the header. What is typed is its own state, so a keystroke redraws the box
 * and not the page beside it (a dashboard of a big installation took milliseconds per key).
 */
export function HeaderSearch({ onSearch, onCleared }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState("");
  // The latest callbacks without restarting the pause timer when the parent redraws.
  const callbacks = useRef({ onSearch, onCleared });
  callbacks.current = { onSearch, onCleared };
  // The pause after the last key; Enter searches at once, and the pause then must not search again.
  const pause = useRef<number | undefined>(undefined);
  useEffect(() => {
    const text = typed.trim();
    if (!text) {
      callbacks.current.onCleared();
      return;
    }
    if (text.length < 2) return;
    pause.current = window.setTimeout(() => callbacks.current.onSearch(text), 300);
    return () => window.clearTimeout(pause.current);
  }, [typed]);
  return (
    <form
      role="search"
      className="global-search"
      onSubmit={(e) => {
        e.preventDefault();
        window.clearTimeout(pause.current);
        if (typed.trim()) onSearch(typed.trim());
      }}
    >
      <input
        type="search"
        aria-label={t("search.label")}
        placeholder={t("search.placeholder")}
        value={typed}
        data-testid="global-search"
        onChange={(e) => setTyped(e.target.value)}
      />
    </form>
  );
}
