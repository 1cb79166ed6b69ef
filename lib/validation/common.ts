import { z } from 'zod';
import { expand } from '@/lib/api/params';

/** GET /v1/<resource>/:id takes only `expand`. */
export const retrieveSchema = z.strictObject({ expand: expand() });
/** DELETE takes nothing. */
export const deleteSchema = z.strictObject({});
