// The bench's baseline (bench/baseline.ts) as a process of its own, so that it never shares the load generator's
// event loop: prints its URL on stdout, stops on SIGTERM. BASELINE_DATABASE_URL and BASELINE_POOL_SIZE say where to.
import { startBaseline } from './baseline';

void startBaseline({
  databaseUrl: process.env.BASELINE_DATABASE_URL ?? '',
  poolSize: Number(process.env.BASELINE_POOL_SIZE ?? '25'),
}).then((baseline) => {
  console.log(baseline.url);
  process.once('SIGTERM', () => {
    void baseline.stop().then(() => process.exit(0));
  });
});
