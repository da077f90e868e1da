// A ZIP archive of named Blobs, written by the page itself: an executor's unsent changes leave the phone as one
// file (export.js). Stored, not compressed (photos are JPEGs already); names in UTF-8 (flag bit 11); no ZIP64:
// a run's photos stay far below 4 GB.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i += 1) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// MS-DOS time and date, as ZIP keeps them (local time, two-second steps).
function dosTime(when) {
  const time = (when.getHours() << 11) | (when.getMinutes() << 5) | Math.floor(when.getSeconds() / 2);
  const date = ((Math.max(1980, when.getFullYear()) - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate();
  return [time, date];
}

// Little-endian fields, [width in bytes, value] each, one after another: a ZIP header.
function header(fields) {
  const view = new DataView(new ArrayBuffer(fields.reduce((n, [width]) => n + width, 0)));
  let at = 0;
  for (const [width, value] of fields) {
    if (width === 4) view.setUint32(at, value, true);
    else view.setUint16(at, value, true);
    at += width;
  }
  return view;
}

// `files`: [{name, blob}]; the archive as a Blob (the files' Blobs are parts of it, not copies).
export async function zipOf(files, when = new Date()) {
  const [time, date] = dosTime(when);
  const parts = [];
  const central = [];
  let offset = 0;
  for (const { name, blob } of files) {
    const nameBytes = new TextEncoder().encode(name);
    const crc = crc32(new Uint8Array(await blob.arrayBuffer()));
    // version needed 2.0, the name in UTF-8, stored; when; the CRC, both sizes; the name's length
    const described = [[2, 20], [2, 0x0800], [2, 0], [2, time], [2, date], [4, crc], [4, blob.size], [4, blob.size], [2, nameBytes.length]];
    parts.push(header([[4, 0x04034b50], ...described, [2, 0]]), nameBytes, blob);
    // made by 2.0; no extra field, comment, disk or attributes; where its local header starts
    central.push(header([[4, 0x02014b50], [2, 20], ...described, [2, 0], [2, 0], [2, 0], [2, 0], [4, 0], [4, offset]]), nameBytes);
    offset += 30 + nameBytes.length + blob.size;
  }
  const centralSize = central.reduce((n, part) => n + part.byteLength, 0);
  const end = header([[4, 0x06054b50], [2, 0], [2, 0], [2, files.length], [2, files.length], [4, centralSize], [4, offset], [2, 0]]);
  return new Blob([...parts, ...central, end], { type: "application/zip" });
}
