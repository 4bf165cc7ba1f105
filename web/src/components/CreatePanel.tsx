import { useRef, useState, type ReactNode } from 'react';

interface CreatePanelProps {
  /** Heading of the panel and label of the button that opens it. */
  title: string;
  headingId: string;
  buttonTestId: string;
  /** Other actions shown next to the button (e.g. a link to the lab's template). */
  extra?: ReactNode;
  /** The form; `close` hides the panel and gives the focus back to the button. */
  children: (close: () => void) => ReactNode;
}

/** "New …": a button that opens a card with a creation form in place, keyboard-friendly (focus returns on cancel). */
export function CreatePanel({ title, headingId, buttonTestId, extra, children }: CreatePanelProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (!open) {
    return (
      <p className="button-row">
        <button type="button" ref={button} className="button" data-testid={buttonTestId} onClick={() => setOpen(true)}>
          {title}
        </button>
        {extra}
      </p>
    );
  }
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => button.current?.focus());
  };
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children(close)}
    </section>
  );
}
