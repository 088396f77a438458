import type { ReactNode } from 'react';

/**
 * A page a mailed link opens (confirm, change, cancel, withdraw). Its GET only shows what the link
 * will do and a `MailedLinkButton` (mail scanners open links); the button's POST acts and comes back
 * to the same page with `done` (announced), or with `invalid` when the link is not, or no longer, valid.
 */
export function MailedLinkPage({
  title,
  done,
  invalid,
  children,
}: {
  title: string;
  done?: ReactNode;
  invalid?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="page narrow">
      <h1>{title}</h1>
      {done ? (
        <p role="status" className="notice">
          {done}
        </p>
      ) : null}
      {invalid ? <p className="notice notice-error">{invalid}</p> : null}
      {children}
    </div>
  );
}

/** The button that does what a mailed link asks: it posts the link's token to the action. */
export function MailedLinkButton({
  action,
  token,
  label,
  danger = false,
}: {
  action: (formData: FormData) => void | Promise<void>;
  token: string;
  label: string;
  danger?: boolean;
}) {
  return (
    <form action={action}>
      <input type="hidden" name="token" value={token} />
      <button type="submit" className={danger ? 'button-danger' : undefined}>
        {label}
      </button>
    </form>
  );
}
