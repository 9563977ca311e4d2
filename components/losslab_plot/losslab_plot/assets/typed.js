// Base64 typed arrays as the two components receive them (plotly's {dtype, bdata} from the
// figures, {dtype, b64} from the timeline's frame table), little-endian.
const TYPED = { f4: Float32Array, f8: Float64Array, i1: Int8Array, u1: Uint8Array,
                i2: Int16Array, u2: Uint16Array, i4: Int32Array, u4: Uint32Array };

export function typedArray(base64, dtype) {  // null for a dtype it does not know
  if (!TYPED[dtype]) return null;
  let bytes;
  if (Uint8Array.fromBase64) {
    bytes = Uint8Array.fromBase64(base64);
  } else {  // a plain loop: Uint8Array.from(text, fn) is ~10x slower
    const text = atob(base64);
    bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  }
  return new TYPED[dtype](bytes.buffer);
}
