import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthEndpoint } from 'better-auth/api';
import { setSessionCookie } from 'better-auth/cookies';
import { z } from 'zod';

/**
 * Opens a dashboard session (and sets its cookie) for a user that a one-time link sent to their
 * address has just identified (lib/auth/email-links.ts). Server-only: better-auth never routes it
 * over HTTP, so only Caisse's own code, after consuming a link, can call it.
 */
export const linkSessions = () =>
  ({
    id: 'caisse-link-sessions',
    endpoints: {
      signInLinkedUser: createAuthEndpoint.serverOnly({ method: 'POST', body: z.object({ userId: z.string().min(1) }) }, async (ctx) => {
        const user = await ctx.context.internalAdapter.findUserById(ctx.body.userId);
        if (!user) throw new APIError('UNAUTHORIZED');
        const session = await ctx.context.internalAdapter.createSession(user.id);
        await setSessionCookie(ctx, { session, user });
        return ctx.json({ ok: true });
      }),
    },
  }) satisfies BetterAuthPlugin;
