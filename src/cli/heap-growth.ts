import v8 from 'node:v8';

/** How much V8's heap may grow after a full collection, in percent of what is live. */
export const HEAP_GROWING_PERCENT = 50;

/**
 * For long crawls: V8 lets a large heap grow up to fourfold after each full collection, so a crawl's RSS floats
 * far above what it keeps alive; a fixed growth of half keeps it near. Unlike `--max-old-space-size` this sets no
 * limit, so the largest page the fetcher allows (a 20 MiB tag soup needs over 500 MB of heap) still fits.
 */
export function growHeapSlowly(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
