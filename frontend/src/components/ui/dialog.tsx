import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Icon } from './icon';
import './dialog.css';

interface DialogProps {
  title: ReactNode;
  /** Small text above the title, e.g. the column a card is in. */
  eyebrow?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  size?: 'md' | 'lg';
  /** Extra content in the header, right of the title (e.g. an Edit button). */
  actions?: ReactNode;
}

/**
 * A modal dialog on the native <dialog> element: focus is trapped and restored by the browser, Escape closes it, the
 * page behind is inert. Mount it to open it; unmount (or onClose) to close it.
 */
export function Dialog({ title, eyebrow, onClose, children, footer, size = 'md', actions }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) {
      return;
    }
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) {
        dialog.showModal();
      }
    } else {
      dialog.setAttribute('open', '');
    }
    // Start on the dialog itself (its title is read out), not on its first button with a focus ring.
    panel.current?.focus();
    document.documentElement.classList.add('has-modal');
    return () => {
      document.documentElement.classList.remove('has-modal');
      if (typeof dialog.close === 'function' && dialog.open) {
        dialog.close();
      }
    };
  }, []);

  // The backdrop is part of the <dialog> element: a press on it closes the dialog. Keyboard users have Escape (onCancel).
  return (
    // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <dialog
      ref={ref}
      className={`dialog dialog--${size}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onMouseDown={(event) => {
        // A press on the backdrop (the dialog element itself, outside its panel) closes it.
        if (event.target === event.currentTarget) {
          onClose();
        }
      }}
    >
      <div className="dialog__panel" ref={panel} tabIndex={-1}>
        <header className="dialog__header">
          <div className="dialog__heading">
            {eyebrow ? <div className="dialog__eyebrow">{eyebrow}</div> : null}
            <h2 id={titleId} className="dialog__title">
              {title}
            </h2>
          </div>
          <div className="dialog__actions">
            {actions}
            <button type="button" className="icon-button" aria-label="Close" onClick={() => onClose()}>
              <Icon name="x" />
            </button>
          </div>
        </header>
        <div className="dialog__body">{children}</div>
        {footer ? <footer className="dialog__footer">{footer}</footer> : null}
      </div>
    </dialog>
  );
}
