// Independent check of an Umwelt episode file with the official MCAP TypeScript reader.
// usage: node validate.mjs FILE.mcap [TOPIC]
// With TOPIC, also "messages": that topic's messages as the indexed reader returns them
// (logTime as a decimal string, data in base64), for a caller to decode.
// Prints a JSON summary (topics -> {schemaName, messageCount}, metadata names, CRC results) and
// exits 1 when anything is wrong: a CRC, a truncated file, a broken index, counts that disagree.
import { McapStreamReader, McapIndexedReader } from "@mcap/core";
import { FileHandleReadable } from "@mcap/nodejs";
import { loadDecompressHandlers } from "@mcap/support";
import { crc32 } from "@foxglove/crc";
import { open, readFile } from "node:fs/promises";

const file = process.argv[2], dumpTopic = process.argv[3];
if (!file) {
  console.error("usage: node validate.mjs FILE.mcap");
  process.exit(2);
}
const buf = new Uint8Array(await readFile(file));
const decompressHandlers = await loadDecompressHandlers();
const out = { file, bytes: buf.byteLength, errors: [] };

// 1) streamed pass: every record in file order, chunk CRCs checked.
const schemas = {}, channels = {}, perChannel = {};
try {
  const r = new McapStreamReader({ validateCrcs: true, decompressHandlers });
  r.append(buf);
  const counts = {}, metadata = [];
  let header, rec;
  while ((rec = r.nextRecord())) {
    counts[rec.type] = (counts[rec.type] ?? 0) + 1;
    if (rec.type === "Header") header = { profile: rec.profile, library: rec.library };
    if (rec.type === "Schema") schemas[rec.id] = { name: rec.name, encoding: rec.encoding };
    if (rec.type === "Channel") channels[rec.id] = { topic: rec.topic, schemaId: rec.schemaId, messageEncoding: rec.messageEncoding };
    if (rec.type === "Message") perChannel[rec.channelId] = (perChannel[rec.channelId] ?? 0) + 1;
    if (rec.type === "Metadata") metadata.push(rec.name);
  }
  if (!r.done()) out.errors.push("stream reader: file truncated or trailing bytes");
  Object.assign(out, { header, recordCounts: counts, metadata, messageCount: counts.Message ?? 0 });
} catch (e) { out.errors.push("stream: " + e.message); }

// The per-topic summary: schema name and message count of every channel.
out.topics = {};
for (const [id, ch] of Object.entries(channels)) {
  if (out.topics[ch.topic]) out.errors.push(`topic ${ch.topic} has two channels`);
  out.topics[ch.topic] = { schemaName: schemas[ch.schemaId]?.name ?? null, messageEncoding: ch.messageEncoding,
    messageCount: perChannel[id] ?? 0 };
  if (!schemas[ch.schemaId]) out.errors.push(`channel ${ch.topic}: unknown schema ${ch.schemaId}`);
}

// 2) DataEnd.data_section_crc (the TS reader does not check it): walk the top-level records.
try {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let off = 8;
  out.dataSectionCrc = "no DataEnd";
  while (off + 9 <= buf.byteLength) {
    const op = dv.getUint8(off), len = Number(dv.getBigUint64(off + 1, true));
    if (op === 0x0f) {
      const want = dv.getUint32(off + 9, true);
      const got = crc32(buf.subarray(0, off));
      out.dataSectionCrc = want === 0 ? "absent(0)" : (want === got ? "ok" : `MISMATCH got ${got} want ${want}`);
      if (want !== 0 && want !== got) out.errors.push("data section CRC mismatch");
      break;
    }
    off += 9 + len;
  }
  if (out.dataSectionCrc === "no DataEnd") out.errors.push("no DataEnd record");
} catch (e) { out.errors.push("datacrc: " + e.message); }

// 3) indexed pass from the file: footer and summary CRC, chunk indexes, every message through them.
let handle;
try {
  handle = await open(file, "r");
  const ir = await McapIndexedReader.Initialize({ readable: new FileHandleReadable(handle), decompressHandlers });
  const indexedPerChannel = {};
  let n = 0;
  if (dumpTopic) out.messages = [];
  for await (const m of ir.readMessages({ validateCrcs: true })) {
    n++;
    if (dumpTopic && channels[m.channelId]?.topic === dumpTopic)
      out.messages.push({ logTime: String(m.logTime), data: Buffer.from(m.data).toString("base64") });
    indexedPerChannel[m.channelId] = (indexedPerChannel[m.channelId] ?? 0) + 1;
  }
  out.indexed = { chunkIndexes: ir.chunkIndexes.length, metadataIndexes: ir.metadataIndexes.length,
    statistics: ir.statistics ? { messageCount: String(ir.statistics.messageCount),
      channelCount: ir.statistics.channelCount, chunkCount: ir.statistics.chunkCount } : null, messagesRead: n };
  if (!ir.statistics) out.errors.push("no Statistics record");
  else if (ir.statistics.messageCount !== BigInt(out.messageCount ?? -1))
    out.errors.push(`statistics.messageCount ${ir.statistics.messageCount} != streamed ${out.messageCount}`);
  if (n !== out.messageCount) out.errors.push(`indexed read ${n} messages, streamed ${out.messageCount}`);
  for (const [id, c] of Object.entries(perChannel))
    if ((indexedPerChannel[id] ?? 0) !== c) out.errors.push(`channel ${id}: indexed ${indexedPerChannel[id] ?? 0} != streamed ${c}`);
} catch (e) {
  out.indexed = { error: e.message };
  out.errors.push("indexed: " + e.message);
} finally {
  await handle?.close();
}

out.valid = out.errors.length === 0;
console.log(JSON.stringify(out, null, 1));
// exitCode, not exit(): exit() cuts a piped stdout past 64 KiB (a --dump of many messages).
process.exitCode = out.valid ? 0 : 1;
