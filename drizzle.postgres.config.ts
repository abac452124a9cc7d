import { defineConfig } from "drizzle-kit";

/** The PostgreSQL schema's migrations, beside SQLite's (drizzle.config.ts): `npm run db:generate:postgres`. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/storage/postgres/schema.ts",
  out: "./migrations/postgres",
});
