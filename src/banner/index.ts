export { bannerRoutes, BANNER_SCRIPT, servedBannerScript } from './banner-routes.ts'
export { bannerConfig, BANNER_TEXTS, type BannerConfig } from './banner-config.ts'
