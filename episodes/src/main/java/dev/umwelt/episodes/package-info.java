/** Episode files. MCAP reading and writing live in {@link dev.umwelt.episodes.mcap}; see this module's README. */
package dev.umwelt.episodes;
