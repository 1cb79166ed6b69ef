// GET /v1/files/:id/contents — download a file's bytes with the secret key (the File's `url`)
import { z } from 'zod';
import { apiRoute } from '@/lib/api/api-route';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { fileContentResponse } from '@/lib/files/file-reads';

const onGet = withApi<{ id: string }>(async (ctx) => {
  parseParams(z.strictObject({}), ctx.input);
  return fileContentResponse(ctx.db, { ...ctx.scope, id: ctx.params.id });
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet });
