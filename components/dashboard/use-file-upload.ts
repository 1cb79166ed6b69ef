'use client';

import { useRef, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/result';

/**
 * A file input whose file is uploaded as soon as it is chosen, to a server action taking it as the form
 * field `field`: `check` refuses a file before it is sent (its code becomes `problem`); the action's
 * refusal becomes `problem` too, its answer goes to `onUploaded`. The input is emptied after each
 * attempt, so the same file can be chosen again. Attach `input` to the <input type="file">.
 */
export function useFileUpload<T>(p: {
  field: string;
  action: (form: FormData) => Promise<ActionResult<T>>;
  check: (file: File) => string | null;
  onUploaded: (data: T) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [pending, start] = useTransition();
  const [problem, setProblem] = useState<string | null>(null);
  const upload = (file: File) => {
    start(async () => {
      try {
        const refused = p.check(file);
        if (refused) {
          setProblem(refused);
          return;
        }
        const form = new FormData();
        form.set(p.field, file);
        const r = await p.action(form);
        if (r.ok) {
          setProblem(null);
          p.onUploaded(r.data);
        } else setProblem(r.message);
      } catch {
        setProblem('unknown');
      } finally {
        if (input.current) input.current.value = '';
      }
    });
  };
  return { input, pending, problem, setProblem, upload };
}
