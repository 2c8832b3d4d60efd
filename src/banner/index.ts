export { bannerRoutes, BANNER_SCRIPT } from './banner-routes.ts'
export { bannerConfig, BANNER_TEXTS, type BannerConfig } from './banner-config.ts'
