/**
 * A server-side form's error beside its field (these forms work without JavaScript, so the error
 * comes back in the page's address): the message under the control, and the control's aria.
 */
export function fieldErrorFor(controlId: string, error: string | null | undefined, hintId?: string) {
  const errorId = `${controlId}-error`;
  return {
    controlProps: {
      'aria-invalid': error ? true : undefined,
      'aria-describedby': [hintId, error ? errorId : undefined].filter(Boolean).join(' ') || undefined,
    },
    message: error ? (
      <p id={errorId} className="field-error">
        {error}
      </p>
    ) : null,
  };
}
