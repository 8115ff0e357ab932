import { getCurrentWebview } from "@tauri-apps/api/webview";
import { useEffect, useRef, useState } from "react";

/** Where files dragged from the desktop would land: the folder under the pointer (its `data-drop-folder`, "root"
 * for the root) or null when they are outside every drop place. */
export type DropTarget = number | "root" | null;

function targetAt(x: number, y: number): DropTarget {
  const ratio = window.devicePixelRatio || 1;
  const element = document.elementFromPoint(x / ratio, y / ratio);
  const place = element?.closest<HTMLElement>("[data-drop-folder]");
  if (!place) return null;
  const value = place.dataset.dropFolder;
  return value === "root" ? "root" : Number(value);
}

/**
 * Files dropped from the desktop onto a folder of the window: the webview reports the files' paths and the
 * pointer's position; the folder under the pointer receives them. While dragging, `over` names that folder so it
 * can be highlighted.
 */
export function useFileDrop(onDrop: (target: Exclude<DropTarget, null>, paths: string[]) => void) {
  const [over, setOver] = useState<DropTarget>(null);
  const handler = useRef(onDrop);
  handler.current = onDrop;
  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let stopped = false;
    try {
      void getCurrentWebview()
        .onDragDropEvent((event) => {
          const payload = event.payload;
          if (payload.type === "leave") {
            setOver(null);
            return;
          }
          const target = targetAt(payload.position.x, payload.position.y);
          if (payload.type === "drop") {
            setOver(null);
            if (target !== null && payload.paths.length > 0) handler.current(target, payload.paths);
          } else {
            setOver(target);
          }
        })
        .then(
          (stop) => {
            if (stopped) stop();
            else unlisten = stop;
          },
          () => undefined,
        );
    } catch {
      // Outside the app's window (component tests without a webview): nothing to listen to.
    }
    return () => {
      stopped = true;
      unlisten?.();
    };
  }, []);
  return over;
}
