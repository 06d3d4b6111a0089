/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships wasm and argon2 a native addon: both must be loaded by Node, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg"],
  poweredByHeader: false,
  // Lets parallel test runs build into their own folders (NEXT_DIST_DIR=.next-e2e-3101).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  allowedDevOrigins: ["127.0.0.1"],
};
export default nextConfig;
