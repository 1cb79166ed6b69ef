// GET /v1/tax/settings — retrieve the account's tax settings · POST /v1/tax/settings — update them
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { retrieveTaxSettings, updateTaxSettings } from '@/lib/tax-settings/tax-settings';
import { retrieveSchema } from '@/lib/validation/common';
import { updateTaxSettingsSchema } from '@/lib/validation/tax-settings';

const onGet = withApi(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrieveTaxSettings(ctx.db, ctx.scope), p.expand);
});

const onPost = withApi(async (ctx) => {
  const p = parseParams(updateTaxSettingsSchema, ctx.input);
  checkExpand('tax.settings', p.expand);
  return expandObject(ctx, await updateTaxSettings(ctx.db, ctx.scope, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
