/**
 * Tenant isolation below the queries (DESIGN "Storage"): an operator scope
 * carried through async calls, connections that carry it to PostgreSQL as
 * `derbes.operator_id`, and the row-level security policy that reads it.
 */
export { withOperatorScope, withoutOperatorScope, currentOperatorScope } from './operator-scope.ts'
export { OperatorScopedDriver, OPERATOR_SETTING } from './operator-scoped-driver.ts'
export { OperatorScopedDialect } from './operator-scoped-dialect.ts'
export { enableOperatorIsolation, disableOperatorIsolation, OPERATOR_ISOLATION_POLICY } from './enable-operator-isolation.ts'
