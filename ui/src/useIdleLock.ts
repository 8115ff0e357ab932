import { useEffect, useRef } from "react";
import { api } from "./api";

const TOUCH_EVERY_MS = 60_000;
const EVENTS = ["pointerdown", "keydown", "wheel", "mousemove"] as const;

/**
 * Keeps the core's session alive while the person works and reports when the idle time
 * has passed. The core decides: it refuses commands of an expired session either way.
 */
export function useIdleLock(idleMinutes: number, onIdle: () => void): void {
  const lastActivity = useRef(Date.now());
  const lastTouch = useRef(Date.now());
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;

  useEffect(() => {
    const mark = () => {
      lastActivity.current = Date.now();
    };
    EVENTS.forEach((e) => window.addEventListener(e, mark, { passive: true }));
    const timer = window.setInterval(() => {
      const now = Date.now();
      if (now - lastActivity.current > idleMinutes * 60_000) {
        onIdleRef.current();
      } else if (lastActivity.current > lastTouch.current && now - lastTouch.current >= TOUCH_EVERY_MS) {
        lastTouch.current = now;
        api.touchSession().catch(() => onIdleRef.current());
      }
    }, 5_000);
    return () => {
      EVENTS.forEach((e) => window.removeEventListener(e, mark));
      window.clearInterval(timer);
    };
  }, [idleMinutes]);
}
