import { registerSealedTextCodec } from '@/db/schema/columns';
import { isSealed, seal, unseal } from './secret-keys';

// Imported for this effect by every module that reads or writes a sealed column (db/schema/columns.ts):
// the columns seal and open with the installation's keys, and refuse to work without them.
registerSealedTextCodec({ seal, unseal, isSealed });
