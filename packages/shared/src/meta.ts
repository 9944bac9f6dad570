import { z } from 'zod';

/**
 * GET /api/meta: whether the data is sample data, its version and how fresh it is, and the
 * address phones reach the service at.
 */
export const MetaSchema = z.object({
  /** True when the database was filled with the sample Worcester data. */
  sampleData: z.boolean(),
  /** Rises on every write while the service runs; a client can compare it to know it is stale. */
  dataVersion: z.number().int(),
  /** When this answer was made (UTC ISO). */
  generatedAt: z.string(),
  /** The latest change to the directory or timetable (UTC ISO), or null when it is empty. */
  updatedAt: z.string().nullable(),
  /**
   * The service's public address (PUBLIC_URL, e.g. https://fiveways.example.org): every link and
   * QR code for a phone is built on it, whatever address this page was opened at.
   */
  publicUrl: z.string(),
});
export type Meta = z.infer<typeof MetaSchema>;
