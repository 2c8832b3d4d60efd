export { subjectRoutes } from './subject-routes.ts'
