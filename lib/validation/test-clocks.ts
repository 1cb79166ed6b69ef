import { z } from 'zod';
import { expand, listParams, str, timestamp } from '@/lib/api/params';

export const createTestClockSchema = z.strictObject({
  frozen_time: timestamp(),
  name: str(300).optional(),
  expand: expand(),
});

export const advanceTestClockSchema = z.strictObject({ frozen_time: timestamp(), expand: expand() });

export const listTestClocksSchema = z.strictObject({ ...listParams, expand: expand() });

export type CreateTestClockParams = z.infer<typeof createTestClockSchema>;
export type ListTestClocksParams = z.infer<typeof listTestClocksSchema>;
