export { webRoutes, WEB_APP_DIR } from './serve-web.ts'
