import type { ReactNode } from 'react';

type Props = {
  action: (formData: FormData) => void | Promise<void>;
  /** The name field's id. */
  id: string;
  label: string;
  submit: string;
  labelledBy?: string;
  /** What comes before the field: a heading, the hidden fields that say whom to tag. */
  children: ReactNode;
};

/** Tags by name (a new name makes a new tag): one supporter, or everyone a search found. */
export function TagForm({ action, id, label, submit, labelledBy, children }: Props) {
  return (
    <form action={action} className="stack" aria-labelledby={labelledBy}>
      {children}
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} name="name" type="text" required maxLength={60} />
      </div>
      <button type="submit" className="button-secondary">
        {submit}
      </button>
    </form>
  );
}
