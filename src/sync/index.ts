/** Data-sync: the registry (bodies and sources) and, later, records and offline evidence. */
export {
  type Counts,
  importRegistry,
  type RegistryImportSummary,
  readRegistry,
} from './registry-import.js';
export {
  type Registry,
  type RegistryBody,
  RegistryBodySchema,
  RegistrySchema,
  type RegistrySource,
  RegistrySourceSchema,
} from './registry-schema.js';
