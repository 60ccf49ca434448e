/**
 * MCAP: records ({@link dev.umwelt.episodes.mcap.McapRecord}), a writer with a conformance mode that is
 * byte-identical to the official TypeScript writer and a production mode (zstd, 1 s chunks), a streamed
 * reader and an indexed reader. See the module README.
 */
package dev.umwelt.episodes.mcap;
