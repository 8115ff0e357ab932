import { useCallback, useState } from "react";

/** The rows chosen in a list for a mass change, copy, delete or export. */
export function useSelection() {
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const toggle = useCallback((id: number) => setSelected((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id); else next.add(id);
    return next;
  }), []);
  const clear = useCallback(() => setSelected(new Set()), []);
  /** All of `ids`, or none when all of them are chosen already (the header checkbox). */
  const toggleAll = useCallback((ids: number[]) => setSelected((s) => (ids.length > 0 && ids.every((id) => s.has(id)) ? new Set() : new Set(ids))), []);
  return { selected, setSelected, toggle, clear, toggleAll };
}
