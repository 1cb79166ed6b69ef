'use server';

// The Pass's delete page: one plain form post, without JavaScript too.
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { deletePassByLink } from '@/lib/pass/delete-pass';

// POST (server action) — delete the Pass, its codes and its sign-ins
export async function deletePassAction(passId: string, signature: string): Promise<void> {
  await deletePassByLink(await getDb(), { passId, signature });
  redirect(`/pass/${passId}/${signature}?deleted=1`);
}
