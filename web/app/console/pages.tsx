import { lazy, type ComponentType, type LazyExoticComponent } from 'react'
import type { Localized } from '../i18n/language.tsx'

/**
 * The console's pages: the navigation and the routes are both read from this
 * list, and a page shows in the navigation only to staff whose role holds its
 * permission (issue 6: "roles limit what each person sees"). The API enforces
 * the same permissions; hiding a page only spares a person a refusal.
 */
export interface ConsolePage {
  /** Below /console/<operatorId>/; '' is the dashboard. */
  path: string
  title: Localized
  /** A permission name from src/access/permissions.ts. */
  permission?: string
  component: LazyExoticComponent<ComponentType>
}

export const CONSOLE_PAGES: readonly ConsolePage[] = [
  { path: '', title: { kk: 'Шолу', ru: 'Обзор', en: 'Overview' }, component: lazy(() => import('./dashboard/dashboard-page.tsx')) },
  { path: 'subjects', title: { kk: 'Субъектілер', ru: 'Субъекты', en: 'Subjects' }, permission: 'subjects:read', component: lazy(() => import('./subjects/subjects-page.tsx')) },
  { path: 'requests', title: { kk: 'Өтініштер', ru: 'Обращения', en: 'Requests' }, permission: 'requests:read', component: lazy(() => import('./requests/requests-page.tsx')) },
  { path: 'retention', title: { kk: 'Сақтау мерзімдері', ru: 'Сроки хранения', en: 'Retention' }, permission: 'retention:read', component: lazy(() => import('./retention/retention-page.tsx')) },
  { path: 'systems', title: { kk: 'Жүйелер', ru: 'Системы', en: 'Systems' }, permission: 'systems:read', component: lazy(() => import('./systems/systems-page.tsx')) },
  { path: 'incidents', title: { kk: 'Инциденттер', ru: 'Инциденты', en: 'Incidents' }, permission: 'incidents:read', component: lazy(() => import('./incidents/incidents-page.tsx')) },
  { path: 'audit', title: { kk: 'Аудит журналы', ru: 'Журнал аудита', en: 'Audit log' }, permission: 'audit:read', component: lazy(() => import('./audit/audit-page.tsx')) },
  { path: 'policy', title: { kk: 'Саясат', ru: 'Политика', en: 'Policy' }, permission: 'policy:read', component: lazy(() => import('./policy/policy-page.tsx')) },
]
