import { dismissToast, useToasts, type Toast } from './toast-store';
import { Icon } from './icon';
import './toaster.css';

function ToastItem({ toast }: { toast: Toast }) {
  const { action } = toast;
  return (
    <div
      className={`toast toast--${toast.tone}`}
      role={toast.announce === false ? undefined : toast.tone === 'error' ? 'alert' : 'status'}
    >
      <Icon
        name={toast.tone === 'error' ? 'alert' : toast.tone === 'success' ? 'check' : 'info'}
        className="toast__icon"
      />
      <div className="toast__body">
        <p className="toast__title">{toast.title}</p>
        {toast.message ? <p className="toast__message">{toast.message}</p> : null}
      </div>
      {action ? (
        action.href ? (
          <a className="toast__action" href={action.href}>
            {action.label}
          </a>
        ) : (
          <button
            type="button"
            className="toast__action"
            onClick={() => {
              dismissToast(toast.id);
              action.onClick?.();
            }}
          >
            {action.label}
          </button>
        )
      ) : null}
      <button
        type="button"
        className="toast__close"
        aria-label="Dismiss"
        onClick={() => dismissToast(toast.id)}
      >
        <Icon name="x" />
      </button>
    </div>
  );
}

/** Where toasts appear (bottom of the screen); announced politely, errors assertively. */
export function Toaster() {
  const toasts = useToasts();
  return (
    <section className="toaster" aria-label="Notifications">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </section>
  );
}
