import type { Db, Queryable } from '@/db/client';
import { deletePass, findPass, type PassRow } from '@/db/queries/passes';
import { passSignatureValid } from './pass-links';

/** The Pass a delete link opens: null for a link Caisse never signed, or a Pass already deleted. */
export async function passOfDeleteLink(db: Queryable, p: { passId: string; signature: string }): Promise<PassRow | null> {
  if (!/^pass_[A-Za-z0-9]+$/.test(p.passId) || !passSignatureValid(p.passId, p.signature)) return null;
  return findPass(db, p.passId);
}

/** Deletes the Pass of a signed link with its codes and sign-ins; payments made with it stay the merchants'. */
export async function deletePassByLink(db: Db, p: { passId: string; signature: string }): Promise<boolean> {
  if (!(await passOfDeleteLink(db, p))) return false;
  return db.transaction((tx) => deletePass(tx, p.passId));
}
