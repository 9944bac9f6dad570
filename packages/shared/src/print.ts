import { z } from 'zod';
import { WaySlugSchema } from './way.ts';

/** What a print is about: one way, venue (hub), area or group, or a hub's week. */
export const PRINT_KINDS = ['ways', 'venues', 'areas', 'groups', 'week'] as const;
export const PrintKindSchema = z.enum(PRINT_KINDS, {
  error: `Choose what to print: ${PRINT_KINDS.join(', ')}`,
});
export type PrintKind = z.infer<typeof PrintKindSchema>;

/** Paper sizes: A4 and A3 posters, A5 flyers. */
export const PRINT_SIZES = ['a4', 'a3', 'a5'] as const;
export const PrintSizeSchema = z.enum(PRINT_SIZES, {
  error: 'Give the size as a4, a3 or a5',
});
export type PrintSize = z.infer<typeof PrintSizeSchema>;

/** Query of GET /api/print/{kind}/{file}: the paper size, A4 when not given. */
export const PrintQuerySchema = z.object({ size: PrintSizeSchema.default('a4') });

/** One line of "what's on": a session and when it happens in the window. */
export const PrintItemSchema = z.object({
  title: z.string(),
  /** 'Tue 24 Nov, 1 Dec, 8 Dec · 10:00–11:00', or on a day's sheet '10:00–11:00'. */
  when: z.string(),
  /** The venue's name (left out when the whole sheet is about that venue). */
  place: z.string(),
});
export type PrintItem = z.infer<typeof PrintItemSchema>;

export const PrintSectionSchema = z.object({
  heading: z.string(),
  items: z.array(PrintItemSchema),
});
export type PrintSection = z.infer<typeof PrintSectionSchema>;

/**
 * GET /api/print/{kind}/{key}.json: what a poster, flyer or week sheet says, the same words the
 * PDF draws, for the staff area's print view.
 */
export const PrintSheetSchema = z.object({
  kind: PrintKindSchema,
  key: z.string(),
  size: PrintSizeSchema,
  format: z.enum(['poster', 'flyer', 'sheet']),
  serviceName: z.string(),
  title: z.string(),
  subtitle: z.string(),
  /** The ways whose icons it shows; the first gives its colour when `colour` is a way's. */
  ways: z.array(WaySlugSchema),
  /** The main colour, #rrggbb, at least 7:1 against white. */
  colour: z.string(),
  /** The window of dates it lists, inclusive London dates. */
  from: z.string(),
  to: z.string(),
  sections: z.array(PrintSectionSchema),
  /** Sessions there was no room for. */
  more: z.number().int(),
  /** Said kindly when there is nothing to list, else null. */
  empty: z.string().nullable(),
  /** The short address the QR code carries, with its source code. */
  shortUrl: z.string(),
  /** The same without the scheme, as written beside the code. */
  writtenUrl: z.string(),
  callToAction: z.string(),
  /** True when the directory is the sample data: the print says so. */
  sampleData: z.boolean(),
  sampleDataText: z.string(),
});
export type PrintSheet = z.infer<typeof PrintSheetSchema>;
