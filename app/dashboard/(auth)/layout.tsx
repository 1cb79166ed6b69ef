import type { ReactNode } from 'react';
import { redirect } from 'next/navigation';
import { currentUser } from '@/lib/dashboard/current-merchant';

export default async function AuthLayout({ children }: { children: ReactNode }) {
  if (await currentUser()) redirect('/dashboard');
  return <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">{children}</main>;
}
