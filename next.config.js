// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./app/i18n/request.ts");

/**
 * Headers that do not vary per request. The Content-Security-Policy needs a fresh nonce for each
 * response and is set in proxy.ts instead.
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and WebAssembly packages are loaded from node_modules at run time, not bundled; so is
  // pdfkit, which reads its standard fonts' metrics from its own package folder.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "pdfkit"],
  // `npm test` type-checks the whole tree, tests included, in a step of its own before it builds;
  // checking the app again inside the build would only cost CI half a minute.
  typescript: { ignoreBuildErrors: process.env.BUILD_TYPECHECKED === "1" },
  experimental: {
    // The build cache makes the next build of the same checkout faster; CI builds a fresh clone
    // once, where writing the cache only costs time.
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = withNextIntl(nextConfig);
