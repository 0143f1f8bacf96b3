/**
 * How many bytes Zstandard data will take once decompressed, read from its frame and block headers
 * (RFC 8878) without decompressing it. An e-footprint JSON's `compressed_values` is such data; its frame
 * header says how large a buffer to allocate, and a few crafted bytes can ask for gigabytes (the
 * decompressor allocates what the header says): the importer checks this bound against the series
 * budget first.
 */

const ZSTD_MAGIC = 0xfd2fb528;
/** Largest block a frame may regenerate (RFC 8878, Block_Maximum_Size). */
const MAX_BLOCK = 128 * 1024;

export type ZstdBound = { readonly ok: true; readonly bytes: number } | { readonly ok: false; readonly problem: string };

/**
 * The most bytes the frames of `data` can decompress to, and the largest buffer the decompressor will
 * allocate for one of them (its window or content size), whichever is larger.
 */
export function zstdDecompressedBound(data: Uint8Array): ZstdBound {
    let at = 0;
    let total = 0;
    const u32 = (i: number) => (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24)) >>> 0;
    const truncated: ZstdBound = { ok: false, problem: 'the data ends inside a frame' };
    while (at < data.length) {
        if (at + 4 > data.length) return truncated;
        const magic = u32(at);
        if ((magic & 0xfffffff0) === 0x184d2a50) {
            // a skippable frame: its size, then that many bytes
            if (at + 8 > data.length) return truncated;
            at += 8 + u32(at + 4);
            continue;
        }
        if (magic !== ZSTD_MAGIC) return { ok: false, problem: 'not a Zstandard frame' };
        at += 4;
        if (at >= data.length) return truncated;
        const descriptor = data[at++];
        const singleSegment = (descriptor >> 5) & 1;
        const checksum = (descriptor >> 2) & 1;
        const dictionaryBytes = [0, 1, 2, 4][descriptor & 3];
        const sizeFlag = descriptor >> 6;
        let window = 0;
        if (!singleSegment) {
            if (at >= data.length) return truncated;
            const w = data[at++];
            const base = 2 ** (10 + (w >> 3));
            window = base + (base / 8) * (w & 7);
        }
        at += dictionaryBytes;
        const sizeBytes = sizeFlag === 0 ? singleSegment : 1 << sizeFlag;
        if (at + sizeBytes > data.length) return truncated;
        let contentSize: number | undefined;
        if (sizeBytes > 0) {
            contentSize = 0;
            for (let i = sizeBytes - 1; i >= 0; i--) contentSize = contentSize * 256 + data[at + i];
            if (sizeBytes === 2) contentSize += 256;
        }
        at += sizeBytes;
        if (singleSegment) window = contentSize ?? 0;
        // what the frame regenerates, block by block, at most
        let regenerated = 0;
        for (let last = false; !last;) {
            if (at + 3 > data.length) return truncated;
            const header = data[at] | (data[at + 1] << 8) | (data[at + 2] << 16);
            at += 3;
            last = (header & 1) === 1;
            const type = (header >> 1) & 3;
            const size = header >>> 3;
            if (type === 3) return { ok: false, problem: 'a block of a reserved type' };
            regenerated += type === 2 ? Math.min(MAX_BLOCK, Math.max(window, 1)) : size;
            at += type === 1 ? 1 : size;
        }
        if (checksum) at += 4;
        if (at > data.length) return truncated;
        total += Math.max(contentSize ?? regenerated, window);
    }
    return { ok: true, bytes: total };
}
