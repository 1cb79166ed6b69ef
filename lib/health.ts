import { getDb } from '@/db/client';
import { pingDatabase } from '@/db/queries/health';

export async function databaseAnswers(): Promise<boolean> {
  try {
    const db = await getDb();
    await Promise.race([
      pingDatabase(db),
      new Promise((_, reject) => {
        setTimeout(() => {
          reject(new Error('timeout'));
        }, 2000);
      }),
    ]);
    return true;
  } catch {
    return false;
  }
}
