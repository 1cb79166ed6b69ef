/** A form's "done" line (saved, added, changed), announced politely when it appears. */
export function FormSuccess({ message }: { message: string | null }) {
  return message ? (
    <p role="status" className="text-sm text-green-800">
      {message}
    </p>
  ) : null;
}
