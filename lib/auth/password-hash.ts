import 'server-only';
import { getAuth } from './auth';

/** A password hashed as better-auth hashes it at sign-up (scrypt), for a user Caisse stores itself (db/queries/dashboard-users.ts). */
export async function hashPassword(password: string): Promise<string> {
  return (await (await getAuth()).$context).password.hash(password);
}
