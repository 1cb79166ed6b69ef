// POST /v1/files — upload a file (multipart/form-data: purpose=dispute_evidence and the file)
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { invalidRequest, missingParam } from '@/lib/api/errors';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { FILE_MAX_BYTES } from '@/lib/files/check-file';
import { createFile } from '@/lib/files/create-file';
import { createFileSchema } from '@/lib/validation/files';

const onPost = withApi(
  async (ctx) => {
    const { file: given, ...fields } = ctx.input as Partial<typeof ctx.input>;
    const upload = ctx.uploads.file;
    if (!upload) {
      if (given !== undefined) throw invalidRequest('Invalid file: send it as a file part of a multipart/form-data request.', 'file');
      throw missingParam('file');
    }
    const p = parseParams(createFileSchema, fields);
    checkExpand('file', p.expand);
    const object = await createFile(ctx.db, ctx.scope, { purpose: p.purpose, ...upload });
    return expandObject(ctx, object, p.expand);
  },
  { auth: 'secret', multipart: { maxFileBytes: FILE_MAX_BYTES } },
);

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ POST: onPost });
