/**
 * Anonymised statistics (issue 5 §5): aggregate counts that satisfy
 * k-anonymity and say what they suppressed (art. 17(1), TW-3.2.6, PS-8.1).
 */
export { exportStatistics, type StatisticsExport, type StatisticsExportInput } from './export-statistics.ts'
export { kAnonymise, type AnonymisedTable, type CountedCell, type ReleasedGroup, type Generalisation } from './k-anonymise.ts'
export { SUBJECT_DIMENSIONS, REQUEST_DIMENSIONS, resolveDimensions } from './statistics-dimensions.ts'
export { statisticsCsv, SUPPRESSED_MARK } from './statistics-csv.ts'
export { statisticsRoutes } from './statistics-routes.ts'
