import 'server-only';
import { getAuth } from './auth';

/**
 * A dashboard user made by Caisse itself (the demo merchant's owner), through better-auth's own
 * adapter and password hashing, exactly as a sign-up would store it.
 */
export async function createUserWithPassword(p: { email: string; name: string; password: string }): Promise<string> {
  const ctx = await (await getAuth()).$context;
  const user = await ctx.internalAdapter.createUser({ email: p.email, name: p.name, emailVerified: false }, { method: 'email-password' });
  await ctx.internalAdapter.linkAccount({ userId: user.id, providerId: 'credential', accountId: user.id, password: await ctx.password.hash(p.password) });
  return user.id;
}
