import type { ReactNode } from 'react';

type Props = {
  action: (formData: FormData) => Promise<void>;
  /** The one value posted, e.g. `userId` and the row's id. */
  name: string;
  value: string;
  className?: 'button-secondary' | 'button-danger';
  /** The id of the text that says what the button acts on, when its label does not. */
  describedBy?: string;
  children: ReactNode;
};

/** A form that is one button acting on one row (end a session, remove someone): a plain post, so it works without JavaScript. */
export function ButtonForm({ action, name, value, className = 'button-secondary', describedBy, children }: Props) {
  return (
    <form action={action}>
      <input type="hidden" name={name} value={value} />
      <button type="submit" className={className} aria-describedby={describedBy}>
        {children}
      </button>
    </form>
  );
}
