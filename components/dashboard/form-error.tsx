/** A form-wide error (not tied to one field), announced when it appears. */
export function FormError({ message }: { message: string | null }) {
  return message ? (
    <p
      role="alert"
      data-testid="form-error"
      className="rounded-[var(--ck-radius-control)] border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800"
    >
      {message}
    </p>
  ) : null;
}
