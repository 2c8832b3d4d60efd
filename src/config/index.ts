export { Config, LOG_LEVELS } from './config-schema.ts'
export { loadConfig, type ConfigSources } from './load-config.ts'
