import { z } from 'zod';
import { expand, str, unsupported } from '@/lib/api/params';

/**
 * POST /v1/files: the text fields of the multipart body. The file itself is a part of its own
 * (ApiContext.uploads); a `file` sent as a text field is refused by the route.
 */
export const createFileSchema = z.strictObject({
  purpose: str(100),
  expand: expand(),
  file_link_data: unsupported('Caisse has no file links: file_link_data is not supported.'),
});

export type CreateFileParams = z.infer<typeof createFileSchema>;
