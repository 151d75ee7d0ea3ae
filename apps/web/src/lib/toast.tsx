import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

type Kind = 'info' | 'success' | 'error';
interface Toast {
  id: number;
  kind: Kind;
  text: string;
}
type Show = (kind: Kind, text: string) => void;

const ToastContext = createContext<Show>(() => undefined);

/** Short messages in a live region (a few kilobytes instead of the library's notification stack). */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const show = useCallback<Show>((kind, text) => {
    const id = next.current++;
    setToasts((list) => [...list.slice(-2), { id, kind, text }]);
    setTimeout(() => setToasts((list) => list.filter((x) => x.id !== id)), 6000);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((x) => (
          <div key={x.id} className={`toast toast-${x.kind}`} data-testid="toast">
            {x.text}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): { info(text: string): void; success(text: string): void; error(text: string): void } {
  const show = useContext(ToastContext);
  return useMemo(
    () => ({
      info: (text: string) => show('info', text),
      success: (text: string) => show('success', text),
      error: (text: string) => show('error', text),
    }),
    [show],
  );
}
