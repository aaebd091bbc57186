/** Toasts live outside React so the query client (and any module) can raise one. */
import { useSyncExternalStore } from 'react';

export type ToastTone = 'info' | 'success' | 'error';

export interface ToastAction {
  label: string;
  /** Either a link (e.g. "Sign in") or a callback (e.g. "Undo"). */
  href?: string;
  onClick?: () => void;
}

export interface Toast {
  id: number;
  tone: ToastTone;
  title: string;
  message?: string;
  action?: ToastAction;
  /** Milliseconds before it goes by itself; 0 keeps it until dismissed. */
  duration: number;
  /** false: shown, not announced (the caller announces it through a live region of its own). */
  announce?: boolean;
}

type Listener = () => void;

let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<Listener>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function emit() {
  for (const listener of listeners) {
    listener();
  }
}

export function showToast(
  toast: Omit<Toast, 'id' | 'duration'> & { duration?: number; replaces?: string },
): number {
  const id = nextId++;
  const duration = toast.duration ?? (toast.tone === 'error' ? 10_000 : 6_000);
  // One toast per topic: a newer "Moved…" replaces the previous one instead of stacking up.
  const kept = toast.replaces ? toasts.filter((t) => t.title !== toast.replaces) : toasts;
  const { replaces: _ignored, ...rest } = toast;
  toasts = [...kept, { ...rest, id, duration }].slice(-4);
  if (duration > 0) {
    timers.set(
      id,
      setTimeout(() => dismissToast(id), duration),
    );
  }
  emit();
  return id;
}

export function dismissToast(id: number) {
  const timer = timers.get(id);
  if (timer) {
    clearTimeout(timer);
    timers.delete(id);
  }
  if (toasts.some((t) => t.id === id)) {
    toasts = toasts.filter((t) => t.id !== id);
    emit();
  }
}

export function clearToasts() {
  for (const timer of timers.values()) {
    clearTimeout(timer);
  }
  timers.clear();
  toasts = [];
  emit();
}

function subscribe(listener: Listener) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(
    subscribe,
    () => toasts,
    () => toasts,
  );
}
